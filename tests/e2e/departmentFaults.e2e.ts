import type { StandInFault } from '@resident-graph/adapter-kit';
import { graphql, readTruth, startTestStack, type TestStack, OFFICER, requestHeaders } from '../support';

const QUERY = `query($id: CitizenId!) { resident(id: $id) {
  id name
  civilAffairs { onRecord }
  familyPlanning { onRecord children { name } }
  labour { onRecord employmentStatus }
  dataQualityIssues { department kind }
} }`;

interface Answer {
  resident: { id: string; name: string; civilAffairs: unknown; familyPlanning: unknown; labour: unknown; dataQualityIssues: unknown[] | null } | null;
}

type Section = 'civilAffairs' | 'familyPlanning' | 'labour';

/** The lost section is null; identity and every other section answer as when all was well. */
function expectOnlyLost(section: Section, degraded: Answer, healthy: Answer): void {
  const resident = degraded.resident!;
  const before = healthy.resident!;
  expect(resident[section]).toBeNull();
  expect(resident.name).toBe(before.name);
  for (const other of (['civilAffairs', 'familyPlanning', 'labour'] as const).filter((name) => name !== section))
    expect(resident[other]).toEqual(before[other]);
}

async function setFault(port: number, fault: StandInFault): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/__control/fault`, { method: 'PUT', body: JSON.stringify(fault) });
  expect(response.status).toBe(200);
}

describe('a department failing does not fail the record', () => {
  let stack: TestStack;
  let headers: Record<string, string>;
  let residentId: string;

  beforeAll(async () => {
    // A short time limit, so a slow department shows within the test.
    stack = await startTestStack({ DEPARTMENT_TIMEOUT_MS: '500' });
    headers = await requestHeaders(stack, OFFICER('family-planning'));
    residentId = readTruth(stack.dataDir).find((r) => r.familyPlanning && r.labour && r.civilAffairs)!.id;
  });
  afterAll(async () => {
    await stack?.stopAll();
  });

  it.each([
    ['unavailable', 'DEPARTMENT_UNAVAILABLE', { kind: 'unavailable' }],
    ['slow', 'DEPARTMENT_TIMEOUT', { kind: 'slow', delayMs: 1_500 }],
    ['malformed', 'DEPARTMENT_BAD_RESPONSE', { kind: 'malformed' }],
  ] as [string, string, StandInFault][])('family planning %s: its section is null with %s, the rest answers', async (_name, code, fault) => {
    const healthy = await graphql<Answer>(stack.gatewayUrl, QUERY, { id: residentId }, headers);
    expect(healthy.errors).toBeUndefined();

    await setFault(stack.ports.standIns['family-planning']!, fault);
    try {
      const degraded = await graphql<Answer>(stack.gatewayUrl, QUERY, { id: residentId }, headers);
      expectOnlyLost('familyPlanning', degraded.data!, healthy.data!);
      const sectionErrors = degraded.errors!.filter((error) => error.path?.includes('familyPlanning'));
      expect(sectionErrors.map((error) => error.extensions?.code)).toContain(code);
      expect(degraded.errors!.every((error) => error.path?.includes('familyPlanning'))).toBe(true);
    } finally {
      await setFault(stack.ports.standIns['family-planning']!, { kind: 'none' });
    }
  });

  it('labour unavailable: the labour section is null, family planning answers again', async () => {
    await setFault(stack.ports.standIns.labour!, { kind: 'unavailable' });
    try {
      const degraded = await graphql<Answer>(stack.gatewayUrl, QUERY, { id: residentId }, headers);
      expect(degraded.data!.resident!.labour).toBeNull();
      expect(degraded.data!.resident!.familyPlanning).not.toBeNull();
      expect(degraded.errors!.map((error) => error.extensions?.code)).toContain('DEPARTMENT_UNAVAILABLE');
    } finally {
      await setFault(stack.ports.standIns.labour!, { kind: 'none' });
    }
  });

  // Last: the labour subgraph stays down for the rest of the suite.
  it('a subgraph that cannot be reached: its fields are null with SUBGRAPH_UNAVAILABLE naming it, the rest answers', async () => {
    const healthy = await graphql<Answer>(stack.gatewayUrl, QUERY, { id: residentId }, headers);
    expect(healthy.errors).toBeUndefined();

    await stack.services.get('labour-subgraph')!.stop();
    const degraded = await graphql<Answer>(stack.gatewayUrl, QUERY, { id: residentId }, headers);
    expectOnlyLost('labour', degraded.data!, healthy.data!);
    // Built from every department's section: what the others found is still there.
    const others = healthy.data!.resident!.dataQualityIssues!.filter((issue) => (issue as { department: string }).department !== 'LABOUR');
    expect(degraded.data!.resident!.dataQualityIssues).toEqual(others);
    const unreachable = degraded.errors!.filter((error) => error.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
    expect(unreachable.length).toBeGreaterThan(0);
    expect(unreachable.every((error) => error.message.includes('subgraph labour cannot be reached'))).toBe(true);
  });
});
