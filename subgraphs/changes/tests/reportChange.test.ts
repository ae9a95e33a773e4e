import { citizenId } from '@resident-graph/test-kit';
import { caller, eventually, HOME_VISIT, useChangesSubgraph } from './fixtures/changesHarness';

const IN_G01 = citizenId('19800101', 11);
const WIFE = citizenId('19820202', 22);
const HUSBAND = citizenId('19810303', 33);
const IN_G02 = citizenId('19700404', 41);
const NEWCOMER = citizenId('19900505', 51);
const DIES = citizenId('19300606', 61);
const place = (gridId: string, communityId: string) => ({ gridId, communityId });

const harness = useChangesSubgraph({
  residents: new Map([
    [IN_G01, place('G01', 'C01')],
    [WIFE, place('G01', 'C01')],
    [HUSBAND, place('G01', 'C01')],
    [IN_G02, place('G02', 'C01')],
    [DIES, place('G01', 'C01')],
  ]),
  grids: new Map([
    ['G01', place('G01', 'C01')],
    ['G02', place('G02', 'C01')],
    ['G09', place('G09', 'C02')],
  ]),
});

const REPORT = `mutation ($input: ChangeReportInput!) {
  reportChange(input: $input) { id kind residentId occurredOn reportedAt reportedBy deliveries { department state reason dueBy light action attempts late } }
}`;
const READ = `query ($id: ID!) { changeReport(id: $id) { id deliveries { department state reason attempts light deliveredAt decidedAt late } } }`;

interface Delivery {
  department: string;
  state: string;
  reason: string | null;
  dueBy: string;
  light: string;
  attempts: number;
  late?: boolean;
}
interface Reported {
  reportChange: { id: string; kind: string; reportedAt: string; deliveries: Delivery[] } | null;
}
interface Read {
  changeReport: { id: string; deliveries: Delivery[] } | null;
}

const gridWorker = caller('grid-worker', { grids: ['G01'] });
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(harness.clock.now);
const report = (input: Record<string, unknown>, who = gridWorker, purpose: typeof HOME_VISIT | null = HOME_VISIT) =>
  harness.ask<Reported>(who, purpose, REPORT, { input: { occurredOn: today(), ...input } });
const read = (id: string) => harness.ask<Read>(caller('auditor'), null, READ, { id });
const settled = (id: string) =>
  eventually(
    () => read(id),
    (answer) => answer.data?.changeReport?.deliveries.every((delivery) => delivery.state !== 'PENDING') ?? false,
  );
const codeOf = (answer: { errors?: { extensions?: { code?: string } }[] }) => answer.errors?.[0]?.extensions?.code;

afterEach(() => {
  for (const department of ['public-security', 'grid', 'civil-affairs', 'family-planning', 'labour']) {
    harness.departments(department).state.check = () => ({ status: 200, body: { ok: true } });
    harness.departments(department).state.deliver = () => ({ status: 200, body: { outcome: 'ACCEPTED' } });
  }
  harness.audit.failing = false;
  harness.clock.now = new Date();
});

describe('reportChange: one report, one delivery per department CHANGE_RULES names, each delivered over HTTP', () => {
  it('sends a department its queued deliveries one after another, not one per polling interval', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 12; n += 1) {
      const answer = await report({ kind: 'EMPLOYMENT_CHANGE', residentId: IN_G01, employment: { status: n % 2 ? 'EMPLOYED' : 'REGISTERED_UNEMPLOYED' } });
      ids.push(answer.data!.reportChange!.id);
    }
    const queued = Date.now();
    for (const id of ids) expect((await settled(id)).data!.changeReport!.deliveries.map(({ state }) => state)).toEqual(['ACCEPTED', 'ACCEPTED']);
    // One worker a department, polling every 0.5 s: a delivery per interval would take seconds more.
    expect(Date.now() - queued).toBeLessThan(2_500);
  });

  it('stores a move out with its deliveries PENDING and their deadlines, audits it, and delivers it to every department once', async () => {
    const answer = await report({ kind: 'MOVE_OUT', residentId: IN_G01, moveOut: { toAddress: '上海市浦东新区 1 号' } });
    expect(answer.errors).toBeUndefined();
    const reported = answer.data!.reportChange!;
    const reportedAt = Date.parse(reported.reportedAt);
    expect(reported.deliveries.map(({ department, state, light, dueBy }) => [department, state, light, (Date.parse(dueBy) - reportedAt) / 86_400_000])).toEqual(
      [
        ['PUBLIC_SECURITY', 'PENDING', 'GREEN', 15],
        // CHANGE_LIMITS_JSON's MOVE_OUT grid limit (5) in place of the table's 3.
        ['GRID', 'PENDING', 'GREEN', 5],
        ['CIVIL_AFFAIRS', 'PENDING', 'GREEN', 30],
        ['FAMILY_PLANNING', 'PENDING', 'GREEN', 30],
      ],
    );
    expect(harness.audit.entries).toContainEqual(
      expect.objectContaining({
        subgraph: 'changes',
        subject: 'grid-worker-1',
        purposeCode: 'HOME_VISIT',
        residentIds: [IN_G01],
        fields: ['Mutation.reportChange', 'kind MOVE_OUT', `report ${reported.id}`],
        outcome: 'SERVED',
      }),
    );
    const done = await settled(reported.id);
    expect(done.data!.changeReport!.deliveries.map(({ department, state, attempts }) => [department, state, attempts])).toEqual([
      ['PUBLIC_SECURITY', 'ACCEPTED', 1],
      ['GRID', 'ACCEPTED', 1],
      ['CIVIL_AFFAIRS', 'ACCEPTED', 1],
      ['FAMILY_PLANNING', 'ACCEPTED', 1],
    ]);
    const received = harness.departments('grid').received.filter((request) => request.reportId === reported.id);
    expect(received.map((request) => request.route)).toEqual(['checks', 'deliveries']);
    // The body delivered is the change exactly as reported, and the check and the delivery carry the same delivery id.
    expect(JSON.parse(received[1]!.body)).toEqual({ kind: 'MOVE_OUT', residentId: IN_G01, occurredOn: today(), moveOut: { toAddress: '上海市浦东新区 1 号' } });
    expect(received[0]!.deliveryId).toBe(received[1]!.deliveryId);
    // A job run again after the answer was recorded (its worker died before completing it) sends nothing.
    await harness.deliverAgain(received[1]!.deliveryId);
    expect(harness.departments('grid').received.filter((request) => request.reportId === reported.id)).toHaveLength(2);
    expect(harness.departments('labour').received.filter((request) => request.reportId === reported.id)).toEqual([]);
  }, 15_000);

  it("records a department's rejection with its reason (200 REJECTED or 400 BAD_USER_INPUT) and does not send it again", async () => {
    harness.departments('labour').state.deliver = () => ({ status: 200, body: { outcome: 'REJECTED', reason: '无此参保人' } });
    harness.departments('civil-affairs').state.deliver = () => ({
      status: 400,
      body: { code: 'BAD_USER_INPUT', message: 'status unknown to the allowance rules' },
    });
    const answer = await report({ kind: 'EMPLOYMENT_CHANGE', residentId: IN_G01, employment: { status: 'REGISTERED_UNEMPLOYED' } });
    expect(answer.errors).toBeUndefined();
    const done = await settled(answer.data!.reportChange!.id);
    expect(done.data!.changeReport!.deliveries.map(({ department, state, reason, attempts, light }) => [department, state, reason, attempts, light])).toEqual([
      ['LABOUR', 'REJECTED', '无此参保人', 1, 'GREEN'],
      ['CIVIL_AFFAIRS', 'REJECTED', 'status unknown to the allowance rules', 1, 'GREEN'],
    ]);
  }, 15_000);

  it('retries a department that answers 503 with back-off, under the same delivery id (a new signed request each time), until it decides', async () => {
    let calls = 0;
    harness.departments('grid').state.deliver = () =>
      ++calls === 1 ? { status: 503, body: { code: 'DEPARTMENT_UNAVAILABLE' } } : { status: 200, body: { outcome: 'ACCEPTED' } };
    const answer = await report({ kind: 'ADDRESS_CHANGE', residentId: IN_G01, move: { gridId: 'G01', address: '2 号楼 301' } });
    const id = answer.data!.reportChange!.id;
    const done = await settled(id);
    expect(done.data!.changeReport!.deliveries.find((delivery) => delivery.department === 'GRID')).toMatchObject({ state: 'ACCEPTED', attempts: 2 });
    const sent = harness.departments('grid').received.filter((request) => request.reportId === id && request.route === 'deliveries');
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((request) => request.deliveryId)).size).toBe(1);
    expect(sent[0]!.requestTokenId).not.toBe(sent[1]!.requestTokenId);
    expect(sent[0]!.body).toBe(sent[1]!.body);
  }, 20_000);
});

describe('a department down for a while', () => {
  it('keeps its delivery PENDING through retries, RED past its deadline, then ACCEPTED when it returns, marked late', async () => {
    let up = false;
    harness.departments('labour').state.deliver = () => (up ? { status: 200, body: { outcome: 'ACCEPTED' } } : { status: 503 });
    const answer = await report({ kind: 'EMPLOYMENT_CHANGE', residentId: IN_G01, employment: { status: 'LAID_OFF' } });
    const id = answer.data!.reportChange!.id;
    const readFor = (reportId: string) => harness.ask<Read>(caller('auditor'), null, READ, { id: reportId });
    const labourOf = (read: Awaited<ReturnType<typeof readFor>>) => read.data!.changeReport!.deliveries.find((delivery) => delivery.department === 'LABOUR')!;
    const tried = await eventually(
      () => readFor(id),
      (read) => labourOf(read).attempts >= 2,
    );
    expect(labourOf(tried)).toMatchObject({ state: 'PENDING', light: 'GREEN' });
    // Eleven days on: labour's ten are over.
    harness.clock.now = new Date(harness.clock.now.getTime() + 11 * 86_400_000);
    expect(labourOf(await readFor(id))).toMatchObject({ state: 'PENDING', light: 'RED', late: false });
    up = true;
    const done = await eventually(
      () => readFor(id),
      (read) => labourOf(read).state !== 'PENDING',
    );
    expect(labourOf(done)).toMatchObject({ state: 'ACCEPTED', light: 'GREEN', late: true });
  }, 30_000);
});

describe('bad input: BAD_USER_INPUT saying why, nothing queued', () => {
  it.each([
    ['a member its kind does not take', { kind: 'DEATH', residentId: IN_G01, spouse: { spouseId: WIFE } }, /DEATH takes no member, not spouse/],
    ['the member its kind needs missing', { kind: 'MARRIAGE', residentId: IN_G01 }, /MARRIAGE needs spouse/],
    ['a resident missing', { kind: 'DEATH' }, /DEATH needs residentId/],
    [
      'a birth naming a resident',
      { kind: 'BIRTH', residentId: IN_G01, birth: { motherId: WIFE, childName: '小明', childGender: 'MALE' } },
      /names the parents/,
    ],
    ['a birth in the future', { kind: 'BIRTH', occurredOn: '2999-01-01', birth: { motherId: WIFE, childName: '小明', childGender: 'MALE' } }, /in the future/],
    [
      'a move into a grid the street does not have',
      { kind: 'ADDRESS_CHANGE', residentId: IN_G01, move: { gridId: 'G77', address: 'x' } },
      /grid G77 is not a grid/,
    ],
    [
      'a move in of someone who already lives here',
      { kind: 'MOVE_IN', residentId: IN_G01, move: { gridId: 'G01', address: 'x' } },
      /already lives in the street/,
    ],
  ])('%s', async (_case, input, why) => {
    const before = await harness.stored();
    const answer = await report(input);
    expect({ code: codeOf(answer), message: answer.errors?.[0]?.message }).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringMatching(why) });
    expect(await harness.stored()).toEqual(before);
  });

  it('an invalid citizen ID is INVALID_CITIZEN_ID', async () => {
    const answer = await report({ kind: 'DEATH', residentId: '110105194912310020' });
    expect(codeOf(answer)).toBe('INVALID_CITIZEN_ID');
  });

  it('refuses a second death of one resident while the first stands', async () => {
    const resident = IN_G02;
    const officer = caller('department-officer', { department: 'civil-affairs' });
    expect((await report({ kind: 'DEATH', residentId: resident }, officer)).errors).toBeUndefined();
    const before = await harness.stored();
    const again = await report({ kind: 'DEATH', residentId: resident }, officer);
    expect({ code: codeOf(again), message: again.errors?.[0]?.message }).toEqual({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/death of .* was already reported/),
    });
    expect(await harness.stored()).toEqual(before);
  });

  it('takes one of two reports of one death made at the same moment (the second finds the first under its lock)', async () => {
    const before = await harness.stored();
    const answers = await Promise.all([report({ kind: 'DEATH', residentId: DIES }), report({ kind: 'DEATH', residentId: DIES })]);
    expect(answers.map(codeOf).sort()).toEqual(['BAD_USER_INPUT', undefined]);
    expect((await harness.stored()).reports).toBe(before.reports + 1);
  });

  it('refuses a marriage of a person married by an earlier report, and takes it after their divorce', async () => {
    expect((await report({ kind: 'MARRIAGE', residentId: HUSBAND, spouse: { spouseId: WIFE } })).errors).toBeUndefined();
    const again = await report({ kind: 'MARRIAGE', residentId: IN_G01, spouse: { spouseId: WIFE } });
    expect({ code: codeOf(again), message: again.errors?.[0]?.message }).toEqual({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(new RegExp(`${WIFE} is married`)),
    });
    expect((await report({ kind: 'DIVORCE', residentId: WIFE, spouse: { spouseId: HUSBAND } })).errors).toBeUndefined();
    expect((await report({ kind: 'MARRIAGE', residentId: IN_G01, spouse: { spouseId: WIFE } })).errors).toBeUndefined();
  });

  it("a department's check that refuses is BAD_USER_INPUT with its reason; one that cannot be asked is DEPARTMENT_UNAVAILABLE naming it; 404 means no checks", async () => {
    harness.departments('labour').state.check = () => ({ status: 200, body: { ok: false, reason: '该人员已登记失业' } });
    const before = await harness.stored();
    const refused = await report({ kind: 'EMPLOYMENT_CHANGE', residentId: IN_G01, employment: { status: 'REGISTERED_UNEMPLOYED' } });
    expect({ code: codeOf(refused), message: refused.errors?.[0]?.message }).toEqual({ code: 'BAD_USER_INPUT', message: 'labour: 该人员已登记失业' });
    harness.departments('labour').state.check = () => ({ status: 503 });
    const down = await report({ kind: 'EMPLOYMENT_CHANGE', residentId: IN_G01, employment: { status: 'REGISTERED_UNEMPLOYED' } });
    expect({ code: codeOf(down), department: down.errors?.[0]?.extensions?.department }).toEqual({ code: 'DEPARTMENT_UNAVAILABLE', department: 'labour' });
    expect(await harness.stored()).toEqual(before);
    harness.departments('labour').state.check = () => ({ status: 200, body: { ok: true }, delayMs: 2_500 });
    const slow = await report({ kind: 'EMPLOYMENT_CHANGE', residentId: IN_G01, employment: { status: 'REGISTERED_UNEMPLOYED' } });
    expect({ code: codeOf(slow), department: slow.errors?.[0]?.extensions?.department }).toEqual({ code: 'DEPARTMENT_TIMEOUT', department: 'labour' });
    expect(await harness.stored()).toEqual(before);
    harness.departments('labour').state.check = () => ({ status: 404 });
    expect((await report({ kind: 'EMPLOYMENT_CHANGE', residentId: IN_G01, employment: { status: 'EMPLOYED' } })).errors).toBeUndefined();
  });
});

describe('who may report', () => {
  it.each([
    ['no stated purpose', gridWorker, null, { kind: 'DEATH', residentId: IN_G01 }, 'PURPOSE_REQUIRED'],
    ['a grid worker, a resident of another grid', gridWorker, HOME_VISIT, { kind: 'DEATH', residentId: IN_G02 }, 'OUT_OF_JURISDICTION'],
    [
      'a grid worker, a move into another grid',
      gridWorker,
      HOME_VISIT,
      { kind: 'ADDRESS_CHANGE', residentId: IN_G01, move: { gridId: 'G02', address: 'x' } },
      'OUT_OF_JURISDICTION',
    ],
    ['a clerk of another community', caller('window-clerk', { community: 'C02' }), HOME_VISIT, { kind: 'DEATH', residentId: IN_G01 }, 'OUT_OF_JURISDICTION'],
    [
      'an officer of a department that does not act on the kind',
      caller('department-officer', { department: 'labour' }),
      HOME_VISIT,
      { kind: 'MOVE_OUT', residentId: IN_G01, moveOut: { toAddress: 'x' } },
      'FORBIDDEN',
    ],
    ['an analyst', caller('analyst'), HOME_VISIT, { kind: 'DEATH', residentId: IN_G01 }, 'FORBIDDEN'],
    ['an auditor', caller('auditor'), HOME_VISIT, { kind: 'DEATH', residentId: IN_G01 }, 'FORBIDDEN'],
  ])('refuses %s', async (_case, who, purpose, input, code) => {
    const before = await harness.stored();
    expect(codeOf(await report(input, who, purpose))).toBe(code);
    expect(await harness.stored()).toEqual(before);
  });

  it('takes a clerk of the community reporting a move in to one of its grids, of someone not yet in the street', async () => {
    const answer = await report(
      { kind: 'MOVE_IN', residentId: NEWCOMER, move: { gridId: 'G02', address: '5 号楼 101' } },
      caller('window-clerk', { community: 'C01' }),
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.reportChange!.deliveries.map((delivery) => delivery.department)).toEqual(['PUBLIC_SECURITY', 'GRID', 'FAMILY_PLANNING']);
  });

  it("takes a birth in the mother's grid, delivered to the departments CHANGE_RULES names, the audit entry naming both parents", async () => {
    const answer = await report({ kind: 'BIRTH', birth: { motherId: WIFE, fatherId: HUSBAND, childName: '王小明', childGender: 'MALE' } });
    expect(answer.errors).toBeUndefined();
    const reported = answer.data!.reportChange!;
    expect(reported.deliveries.map((delivery) => delivery.department)).toEqual(['FAMILY_PLANNING', 'PUBLIC_SECURITY', 'GRID']);
    expect(harness.audit.entries.find((entry) => entry.fields.includes(`report ${reported.id}`))?.residentIds).toEqual([WIFE, HUSBAND].sort());
  });

  it('refuses a report the audit trail cannot take: AUDIT_UNAVAILABLE, nothing queued', async () => {
    harness.audit.failing = true;
    const before = await harness.stored();
    expect(codeOf(await report({ kind: 'EMPLOYMENT_CHANGE', residentId: IN_G01, employment: { status: 'EMPLOYED' } }))).toBe('AUDIT_UNAVAILABLE');
    expect(await harness.stored()).toEqual(before);
  });
});
