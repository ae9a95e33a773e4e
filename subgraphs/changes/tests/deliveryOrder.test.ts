import { citizenId } from '@resident-graph/test-kit';
import type { Received } from './fixtures/departmentServer';
import { caller, eventually, HOME_VISIT, useChangesSubgraph } from './fixtures/changesHarness';

const WORKER = citizenId('19800101', 11);
const OTHER_WORKER = citizenId('19850505', 15);
const HUSBAND = citizenId('19810303', 33);
const WIFE = citizenId('19820202', 22);
const place = { gridId: 'G01', communityId: 'C01' };

const harness = useChangesSubgraph({
  residents: new Map([WORKER, OTHER_WORKER, HUSBAND, WIFE].map((resident) => [resident, place])),
  grids: new Map([['G01', place]]),
});

const REPORT = `mutation ($input: ChangeReportInput!) { reportChange(input: $input) { id deliveries { department state attempts heldBehind } } }`;
const READ = `query ($id: ID!) { changeReport(id: $id) { id deliveries { department state attempts light heldBehind } } }`;

interface Delivery {
  department: string;
  state: string;
  attempts: number;
  light?: string;
  heldBehind: string | null;
}
type Answer<TKey extends string> = { [key in TKey]: { id: string; deliveries: Delivery[] } | null };

const gridWorker = caller('grid-worker', { grids: ['G01'] });
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(harness.clock.now);
async function report(input: Record<string, unknown>) {
  const answer = await harness.ask<Answer<'reportChange'>>(gridWorker, HOME_VISIT, REPORT, { input: { occurredOn: today(), ...input } });
  expect(answer.errors).toBeUndefined();
  return answer.data!.reportChange!;
}
const read = async (id: string) => (await harness.ask<Answer<'changeReport'>>(caller('auditor'), null, READ, { id })).data!.changeReport!;
const deliveryTo = (department: string, reported: { deliveries: Delivery[] }) => reported.deliveries.find((delivery) => delivery.department === department)!;
const employment = (residentId: string, status: string) => ({ kind: 'EMPLOYMENT_CHANGE', residentId, employment: { status } });

/**
 * A department whose system is down for one report's deliveries until `recover()`, keeping
 * what it applied in order (report id and the change as sent), as its own journal would.
 */
function departmentDownFor(department: string) {
  const state = { downFor: null as string | null, applied: [] as { reportId: string; change: Record<string, unknown>; at: number }[] };
  harness.departments(department).state.deliver = (request: Received) => {
    if (request.reportId === state.downFor) return { status: 503, body: { code: 'DEPARTMENT_UNAVAILABLE' } };
    state.applied.push({ reportId: request.reportId, change: JSON.parse(request.body) as Record<string, unknown>, at: Date.now() });
    return { status: 200, body: { outcome: 'ACCEPTED' } };
  };
  return state;
}

/** The queue's jobs of a report's deliveries, by department: a held delivery has none. */
async function jobsOf(reportId: string): Promise<Record<string, number>> {
  const { rows } = await harness
    .pool()
    .query<{ department: string; jobs: string }>(
      `SELECT d.department, count(j.id) AS jobs FROM "${harness.schema}".change_delivery d LEFT JOIN "${harness.schema}_queue".job j ON j.id = d.id WHERE d.report_id = $1 GROUP BY d.department`,
      [reportId],
    );
  return Object.fromEntries(rows.map((row) => [row.department, Number(row.jobs)]));
}

afterEach(() => {
  for (const department of ['labour', 'civil-affairs']) harness.departments(department).state.deliver = () => ({ status: 200, body: { outcome: 'ACCEPTED' } });
});

describe("one resident's changes reach a department in the order they were reported", () => {
  it('holds a later change back, unsent and uncounted, while the earlier one is retried, and sends it as soon as the earlier one is applied', async () => {
    const labour = departmentDownFor('labour');
    const first = await report(employment(WORKER, 'REGISTERED_UNEMPLOYED'));
    labour.downFor = first.id;
    await eventually(
      () => read(first.id),
      (now) => deliveryTo('LABOUR', now).attempts >= 1 && deliveryTo('CIVIL_AFFAIRS', now).state === 'ACCEPTED',
    );

    const second = await report(employment(WORKER, 'EMPLOYED'));
    // Civil affairs had decided the first: only labour's delivery waits.
    expect(second.deliveries).toEqual([
      { department: 'LABOUR', state: 'PENDING', attempts: 0, heldBehind: first.id },
      { department: 'CIVIL_AFFAIRS', state: 'PENDING', attempts: 0, heldBehind: null },
    ]);
    const elsewhere = await report(employment(OTHER_WORKER, 'LAID_OFF'));
    expect(deliveryTo('LABOUR', elsewhere).heldBehind).toBeNull();

    // Another retry of the first, failed: the second is still unsent, has no job to busy the queue, and its time runs.
    await eventually(
      () => read(first.id),
      (now) => deliveryTo('LABOUR', now).attempts >= 2,
    );
    expect(deliveryTo('LABOUR', await read(second.id))).toEqual({ department: 'LABOUR', state: 'PENDING', attempts: 0, light: 'GREEN', heldBehind: first.id });
    expect(await jobsOf(second.id)).toEqual({ labour: 0, 'civil-affairs': 1 });
    expect(harness.departments('labour').received.filter((request) => request.reportId === second.id && request.route === 'deliveries')).toEqual([]);
    // Another resident's change is not held: labour applied it while the first is still failing.
    expect(
      (
        await eventually(
          () => read(elsewhere.id),
          (now) => deliveryTo('LABOUR', now).state === 'ACCEPTED',
        )
      ).deliveries.map(({ state }) => state),
    ).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(deliveryTo('CIVIL_AFFAIRS', await read(second.id)).state).toBe('ACCEPTED');

    labour.downFor = null;
    const done = await eventually(
      () => read(second.id),
      (now) => deliveryTo('LABOUR', now).state === 'ACCEPTED',
      30_000,
    );
    expect(deliveryTo('LABOUR', done)).toMatchObject({ attempts: 1, heldBehind: null });
    const worker = labour.applied.filter((applied) => applied.change['residentId'] === WORKER);
    expect(worker.map(({ reportId, change }) => [reportId, change['employment']])).toEqual([
      [first.id, { status: 'REGISTERED_UNEMPLOYED' }],
      [second.id, { status: 'EMPLOYED' }],
    ]);
    // Released by the first one's decision, not by a back-off or a poll of its own.
    expect(worker[1]!.at - worker[0]!.at).toBeLessThan(1_500);
  }, 60_000);

  it('orders a change naming a resident as spouse behind an earlier one naming them as subject: a divorce waits for the marriage it ends', async () => {
    const civilAffairs = departmentDownFor('civil-affairs');
    const marriage = await report({ kind: 'MARRIAGE', residentId: HUSBAND, spouse: { spouseId: WIFE } });
    civilAffairs.downFor = marriage.id;
    await eventually(
      () => read(marriage.id),
      (now) => deliveryTo('CIVIL_AFFAIRS', now).attempts >= 1 && deliveryTo('PUBLIC_SECURITY', now).state === 'ACCEPTED',
    );
    // Reported by the other party: the two reports share the wife and the husband, not their subject.
    const divorce = await report({ kind: 'DIVORCE', residentId: WIFE, spouse: { spouseId: HUSBAND } });
    expect(divorce.deliveries.map(({ department, heldBehind }) => [department, heldBehind])).toEqual([
      ['CIVIL_AFFAIRS', marriage.id],
      ['PUBLIC_SECURITY', null],
    ]);

    civilAffairs.downFor = null;
    await eventually(
      () => read(divorce.id),
      (now) => deliveryTo('CIVIL_AFFAIRS', now).state === 'ACCEPTED',
      30_000,
    );
    expect(civilAffairs.applied.filter((applied) => [marriage.id, divorce.id].includes(applied.reportId)).map(({ change }) => change['kind'])).toEqual([
      'MARRIAGE',
      'DIVORCE',
    ]);
  }, 60_000);
});
