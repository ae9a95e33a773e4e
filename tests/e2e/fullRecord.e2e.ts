import { SUBGRAPHS } from '@resident-graph/registry';
import { maskCitizenId, type TruthResident } from '@resident-graph/schemas';
import type { OfficerDepartment } from '@resident-graph/trust';
import {
  comparableRecord,
  expectedRecord,
  graphql,
  issueKeys,
  readStreet,
  readTruth,
  IDENTITY_KEYS,
  pick,
  residentQuery,
  startTestStack,
  TruthIndex,
  type SectionName,
  type TestStack,
  OFFICER,
  requestHeaders,
} from '../support';

/**
 * Residents chosen to cover every imperfection the departments' records carry and every
 * kind of fact a section can hold, plus an even spread of everyone else.
 */
function sampleResidents(truth: TruthIndex): TruthResident[] {
  const picks = new Map<string, TruthResident>();
  const take = (count: number, predicate: (resident: TruthResident) => boolean) => {
    for (const resident of truth.residents.filter(predicate).slice(0, count)) picks.set(resident.id, resident);
  };
  const kinds = new Set(truth.residents.flatMap((r) => r.imperfections.map((i) => `${i.department}|${i.kind}`)));
  for (const kind of kinds) take(4, (r) => r.imperfections.some((i) => `${i.department}|${i.kind}` === kind));
  take(3, (r) => r.publicSecurity.populationType === 'FLOATING');
  take(3, (r) => r.civilAffairs?.allowanceCases.some((c) => c.status === 'ACTIVE') ?? false);
  take(2, (r) => r.civilAffairs?.allowanceCases.some((c) => c.status !== 'ACTIVE') ?? false);
  take(3, (r) => r.civilAffairs?.disability !== null && r.civilAffairs?.disability !== undefined);
  take(3, (r) => Boolean(r.civilAffairs?.elderlyAllowance));
  take(2, (r) => Boolean(r.civilAffairs?.veteranBenefit));
  take(2, (r) => r.civilAffairs?.marriages.some((m) => m.kind === 'DIVORCE') ?? false);
  take(3, (r) => r.familyPlanning?.children.some((c) => c.id === null) ?? false);
  take(3, (r) => Boolean(r.familyPlanning?.onlyChildCertificate));
  take(2, (r) => Boolean(r.familyPlanning?.rewardSupport));
  take(3, (r) => r.labour?.laidOff ?? false);
  take(3, (r) => r.labour?.unemploymentRegistration !== null && r.labour !== null);
  take(2, (r) => (r.labour?.skillCertificates.length ?? 0) > 0);
  take(2, (r) => r.labour === null && r.familyPlanning === null);
  const step = Math.floor(truth.residents.length / 25);
  for (let i = 0; i < 25; i++) picks.set(truth.residents[i * step]!.id, truth.residents[i * step]!);
  return [...picks.values()];
}

describe("a resident's whole record through the gateway", () => {
  let stack: TestStack;
  let headers: Record<string, string>;
  let truth: TruthIndex;

  beforeAll(async () => {
    stack = await startTestStack();
    headers = await requestHeaders(stack, OFFICER('civil-affairs'));
    truth = new TruthIndex(readTruth(stack.dataDir), readStreet(stack.dataDir));
  });
  afterAll(async () => {
    await stack?.stopAll();
  });

  it("answers every sampled resident exactly as the truth says, imperfections included, to each department's officer", async () => {
    const sample = sampleResidents(truth);
    expect(sample.length).toBeGreaterThan(60);
    const kindsCovered = new Set(sample.flatMap((r) => r.imperfections.map((i) => `${i.department}|${i.kind}`)));
    expect([...kindsCovered].sort()).toEqual(
      expect.arrayContaining([
        'civil-affairs|ID_15_DIGIT',
        'civil-affairs|ID_TYPO',
        'family-planning|ID_TYPO',
        'family-planning|NAME_VARIANT',
        'labour|ID_FORMATTING',
        'labour|ID_TYPO',
      ]),
    );

    const officers: [SectionName, OfficerDepartment][] = [
      ['civilAffairs', 'civil-affairs'],
      ['familyPlanning', 'family-planning'],
      ['labour', 'labour'],
    ];
    for (const [section, department] of officers) {
      const officerHeaders = await requestHeaders(stack, OFFICER(department));
      for (const resident of sample) {
        const response = await graphql<{ resident: Record<string, unknown> }>(stack.gatewayUrl, residentQuery(section), { id: resident.id }, officerHeaders);
        expect({ id: resident.id, errors: response.errors }).toEqual({ id: resident.id, errors: undefined });
        const expected = expectedRecord(resident, truth);
        const keys = [...IDENTITY_KEYS, section];
        expect(pick(comparableRecord(response.data!.resident), keys)).toEqual(pick(expected, keys));

        // Every department's issues, gathered; stored IDs masked for anyone but the holder's own officers.
        const allIssues = (['civilAffairs', 'familyPlanning', 'labour'] as const).flatMap((name) => expected[name].issues);
        const shown = allIssues.map((issue) => ({ ...issue, storedId: maskCitizenId(issue.storedId) }));
        expect(issueKeys(response.data!.resident.dataQualityIssues as never)).toEqual(issueKeys(shown));
      }
    }
  });

  it('finds a resident by the 15-digit form of their ID', async () => {
    const elder = truth.residents.find((r) => r.birthDate < '1970-01-01' && r.id.slice(6, 8) === '19')!;
    const id15 = elder.id.slice(0, 6) + elder.id.slice(8, 17);
    const response = await graphql<{ resident: { id: string; name: string } }>(stack.gatewayUrl, '{ resident(id: "' + id15 + '") { id name } }', {}, headers);
    expect(response.errors).toBeUndefined();
    expect(response.data!.resident).toEqual({ id: elder.id, name: elder.name });
  });

  it('rejects an ID whose check digit fails with INVALID_CITIZEN_ID and no data', async () => {
    const valid = truth.residents[0]!.id;
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const response = await graphql<{ resident: unknown }>(stack.gatewayUrl, residentQuery('labour'), { id: wrongCheck }, headers);
    expect(response.data?.resident ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('INVALID_CITIZEN_ID');
  });

  it('answers null for a valid ID of nobody in the street', async () => {
    const stranger = '11010519491231002X';
    expect(truth.byId.has(stranger)).toBe(false);
    const response = await graphql(stack.gatewayUrl, '{ resident(id: "11010519491231002X") { id name } }', {}, headers);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ resident: null });
  });

  it('reports /health as 200 with every subgraph reachable', async () => {
    const response = await fetch(new URL('/health', stack.gatewayUrl));
    const body = (await response.json()) as { subgraphs: { name: string; reachable: boolean }[] };
    expect(response.status).toBe(200);
    // Every subgraph the registry lists: the departments', the audit trail's and the statistics service's.
    expect(body.subgraphs.map((s) => s.name).sort()).toEqual(SUBGRAPHS.map((subgraph) => subgraph.name).sort());
    expect(body.subgraphs.map((s) => s.name)).toEqual(expect.arrayContaining(['audit', 'statistics', 'grid']));
    expect(body.subgraphs.every((s) => s.reachable)).toBe(true);
  });
});
