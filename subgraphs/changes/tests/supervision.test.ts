import { randomUUID } from 'node:crypto';
import { citizenId } from '@resident-graph/test-kit';
import { createChangeStore } from '../src';
import { caller, HOME_VISIT, TEST_DATABASE_URL, useChangesSubgraph } from './fixtures/changesHarness';

const A = citizenId('19800101', 11);
const B = citizenId('19700202', 21);
const place = { gridId: 'G01', communityId: 'C01' };
const DAY = 86_400_000;

// No workers: every delivery stays PENDING, so its light follows the clock alone.
const harness = useChangesSubgraph(
  {
    residents: new Map([
      [A, place],
      [B, place],
    ]),
    grids: new Map([['G01', place]]),
  },
  { deliver: false },
);

const REPORT = `mutation ($input: ChangeReportInput!) { reportChange(input: $input) { id } }`;
const LIST = `query ($filter: ChangeReportFilter, $first: Int, $after: String) {
  changeReports(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id kind deliveries { department light state } } }
}`;
const READ = `query ($id: ID!) { changeReport(id: $id) { id residentId deliveries { department light } } }`;

interface Listed {
  changeReports: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { id: string; kind: string; deliveries: { department: string; light: string }[] }[];
  };
}

const auditor = caller('auditor');
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(harness.clock.now);
const report = async (input: Record<string, unknown>) => {
  const answer = await harness.ask<{ reportChange: { id: string } }>(caller('grid-worker', { grids: ['G01'] }), HOME_VISIT, REPORT, {
    input: { occurredOn: today(), ...input },
  });
  expect(answer.errors).toBeUndefined();
  return answer.data!.reportChange.id;
};
const list = (filter: Record<string, unknown> = {}, first = 50, after: string | null = null) =>
  harness.ask<Listed>(auditor, null, LIST, { filter, first, after });

describe("deadlines and the supervisors' list, by an injected clock", () => {
  let death: string;
  let divorce: string;

  beforeAll(async () => {
    harness.clock.now = new Date();
    // DIVORCE: civil affairs 1 day, public security 30. DEATH: grid 3 days, civil affairs 15, public security and labour 30.
    divorce = await report({ kind: 'DIVORCE', residentId: A, spouse: { spouseId: B } });
    death = await report({ kind: 'DEATH', residentId: B });
  });

  it('turns a delivery yellow in the last fifth of its time and red past it, and lists red first, by department', async () => {
    harness.clock.now = new Date(harness.clock.now.getTime() + 0.9 * DAY);
    let listed = await list();
    expect(listed.data!.changeReports.nodes.map((node) => [node.kind, node.deliveries.map((delivery) => delivery.light)])).toEqual([
      ['DIVORCE', ['YELLOW', 'GREEN']],
      ['DEATH', ['GREEN', 'GREEN', 'GREEN', 'GREEN']],
    ]);
    harness.clock.now = new Date(harness.clock.now.getTime() + 2.2 * DAY);
    listed = await list();
    expect(listed.data!.changeReports.nodes.map((node) => node.id)).toEqual([divorce, death]);
    expect(listed.data!.changeReports.nodes[1]!.deliveries.find((delivery) => delivery.department === 'GRID')!.light).toBe('RED');
    const grid = await list({ department: 'GRID', light: 'RED' });
    expect(grid.data!.changeReports).toMatchObject({ totalCount: 1, nodes: [{ id: death }] });
    const civil = await list({ department: 'CIVIL_AFFAIRS', light: 'RED' });
    expect(civil.data!.changeReports).toMatchObject({ totalCount: 1, nodes: [{ id: divorce }] });
    expect((await list({ department: 'LABOUR', light: 'RED' })).data!.changeReports.totalCount).toBe(0);
    expect((await list({ state: 'ACCEPTED' })).data!.changeReports.totalCount).toBe(0);
  });

  it('pages with cursors', async () => {
    const first = await list({}, 1);
    expect(first.data!.changeReports).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const second = await list({}, 1, first.data!.changeReports.pageInfo.endCursor);
    expect(second.data!.changeReports).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false }, nodes: [{ id: death }] });
    expect((await list({}, 101)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows the supervisors the deadlines but not whom a report is about; the list is theirs alone', async () => {
    const read = await harness.ask<{ changeReport: { id: string; residentId: string | null } }>(auditor, null, READ, { id: death });
    expect(read.data!.changeReport).toMatchObject({ id: death, residentId: null });
    expect(read.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['changeReport', 'residentId'], 'FORBIDDEN']]);
    const worker = await harness.ask(caller('grid-worker', { grids: ['G01'] }), HOME_VISIT, LIST, {});
    expect(worker.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const elsewhere = await harness.ask(caller('grid-worker', { grids: ['G02'] }), HOME_VISIT, READ, { id: death });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('OUT_OF_JURISDICTION');
    const own = await harness.ask<{ changeReport: { residentId: string } }>(caller('grid-worker', { grids: ['G01'] }), HOME_VISIT, READ, { id: death });
    expect(own.data!.changeReport.residentId).toBe(B);
    expect((await harness.ask(auditor, null, READ, { id: 'not-a-report' })).data).toEqual({ changeReport: null });
  });
});

describe('the transactional outbox', () => {
  it('leaves nothing, report or job, when the transaction fails after the report and its jobs were written', async () => {
    const store = createChangeStore({ databaseUrl: TEST_DATABASE_URL, schema: harness.schema, poolSize: 1 });
    const before = await harness.stored();
    const deliveryId = randomUUID();
    const failing = store.insert(
      {
        id: randomUUID(),
        change: { kind: 'EMPLOYMENT_CHANGE', residentId: A, occurredOn: today(), employment: { status: 'EMPLOYED' } },
        reporter: caller('grid-worker', { grids: ['G01'] }),
        purpose: HOME_VISIT,
        gridId: 'G01',
        communityId: 'C01',
        reportedAt: new Date(),
        deliveries: [{ id: deliveryId, department: 'labour', action: 'x', dueBy: new Date() }],
      },
      async (client) => {
        await harness.queue().enqueue(client, [{ id: deliveryId, department: 'labour' }]);
        const inside = await client.query(`SELECT count(*) AS n FROM "${harness.schema}_queue".job WHERE id = $1`, [deliveryId]);
        expect(inside.rows[0].n).toBe('1');
        throw new Error('the process died here');
      },
    );
    await expect(failing).rejects.toThrow('the process died here');
    expect(await harness.stored()).toEqual(before);
    await store.close();
  });
});
