import type { Caller } from '@resident-graph/trust';
import { graphql, readTruth, requestHeaders, startTestStack, type TestStack } from '../support';

const REPORT = `mutation ($input: ChangeReportInput!) {
  reportChange(input: $input) { id kind residentId deliveries { department state light } }
}`;
const READ = `query ($id: ID!) { changeReport(id: $id) { id deliveries { department state attempts light } } }`;
const ACCESS_LOG = `query($id: CitizenId!) { accessLog(residentId: $id, first: 50) { nodes { subject role purposeCode subgraph fields } } }`;

interface Report {
  id: string;
  deliveries: { department: string; state: string; attempts: number; light: string }[];
}

/**
 * Reporting a change through the gateway, before the departments serve their change routes:
 * the report is taken (a department without /changes/checks does no checks), audited in the
 * street's trail, readable by the supervisors, and its deliveries are tried by the workers and
 * wait, PENDING, for departments that cannot take them yet. (The suite of every kind read back
 * through each department's records comes with the departments' side of issue 14.)
 */
describe('reportChange through the gateway', () => {
  let stack: TestStack;
  let residentId: string;
  let worker: Caller;
  const auditor: Caller = { subject: 'supervisor-1', role: 'auditor', department: null, grids: [], community: null };

  beforeAll(async () => {
    stack = await startTestStack({ CHANGES_RETRY_DELAY_SECONDS: '1', CHANGES_POLLING_INTERVAL_SECONDS: '0.5' });
    const resident = readTruth(stack.dataDir).find((candidate) => candidate.labour !== null && candidate.imperfections.length === 0)!;
    residentId = resident.id;
    worker = { subject: 'grid-worker-3', role: 'grid-worker', department: null, grids: [resident.grid.gridId], community: null };
  });
  afterAll(async () => {
    await stack?.stopAll();
  });

  it('takes a grid worker’s report with a purpose, audits it, shows it to supervisors, and keeps its deliveries waiting for the departments', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const input = { kind: 'EMPLOYMENT_CHANGE', residentId, occurredOn: today, employment: { status: 'REGISTERED_UNEMPLOYED' } };
    const refused = await graphql(stack.gatewayUrl, REPORT, { input }, await requestHeaders(stack, worker, null));
    expect(refused.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');

    const reported = await graphql<{ reportChange: Report }>(stack.gatewayUrl, REPORT, { input }, await requestHeaders(stack, worker, 'HOME_VISIT:V-7'));
    expect(reported.errors).toBeUndefined();
    expect(reported.data!.reportChange).toMatchObject({
      kind: 'EMPLOYMENT_CHANGE',
      residentId,
      deliveries: [
        { department: 'LABOUR', state: 'PENDING', light: 'GREEN' },
        { department: 'CIVIL_AFFAIRS', state: 'PENDING', light: 'GREEN' },
      ],
    });
    const { id } = reported.data!.reportChange;

    const supervisor = await requestHeaders(stack, auditor, 'SUPERVISION');
    const deadline = Date.now() + 30_000;
    let read: Report | null = null;
    while (Date.now() < deadline) {
      read = (await graphql<{ changeReport: Report | null }>(stack.gatewayUrl, READ, { id }, supervisor)).data?.changeReport ?? null;
      if (read?.deliveries.every((delivery) => delivery.attempts > 0)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(read!.deliveries.map(({ department, state }) => [department, state])).toEqual([
      ['LABOUR', 'PENDING'],
      ['CIVIL_AFFAIRS', 'PENDING'],
    ]);
    expect(read!.deliveries.every((delivery) => delivery.attempts > 0)).toBe(true);

    const log = await graphql<{ accessLog: { nodes: { subject: string; purposeCode: string; subgraph: string; fields: string[] }[] } }>(
      stack.gatewayUrl,
      ACCESS_LOG,
      { id: residentId },
      supervisor,
    );
    expect(log.data!.accessLog.nodes).toContainEqual(
      expect.objectContaining({
        subject: 'grid-worker-3',
        purposeCode: 'HOME_VISIT',
        subgraph: 'changes',
        fields: expect.arrayContaining(['Mutation.reportChange', `report ${id}`]),
      }),
    );
  });
});
