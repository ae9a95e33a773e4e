import { randomUUID } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StandInServer } from '@resident-graph/adapter-kit';
import { isValidCitizenId, type ReportedChange } from '@resident-graph/schemas';
import { fakeTheClockOnly } from '@resident-graph/test-kit';
import { createPublicSecurityAdapter, type PublicSecurityAdapter } from '../src';
import { startStandIn, writeStandInData } from '../src/stand-in';
import { samplePopulation } from './fixtures/population';

// Reported changes applied through the adapter to the real stand-in: the register's own
// rules decide, its journal keeps each business serial number once, and a lookup shows
// the change afterwards.
const population = samplePopulation();
const [head, spouse, son, widow, floating, typoHead] = population.residents.map((resident) => resident.id) as [string, string, string, string, string, string];
let dataDir: string;
let standIn: StandInServer;
let adapter: PublicSecurityAdapter;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'public-security-changes-'));
  await writeStandInData(population, dataDir);
  standIn = await startStandIn({ dataDir, port: 0 });
  adapter = createPublicSecurityAdapter({ baseUrl: standIn.url, retries: 0 });
});
afterAll(async () => {
  await standIn.close();
  await rm(dataDir, { recursive: true, force: true });
});

const recordOf = async (id: string) => (await adapter.lookup([id])).get(id)!.record;
const journalLines = async () => (await readFile(path.join(dataDir, 'public-security', 'bgjl.jsonl'), 'utf8')).trim().split('\n');
const marriage = (residentId: string, spouseId: string): ReportedChange => ({ kind: 'MARRIAGE', residentId, occurredOn: '2026-10-01', spouse: { spouseId } });

test('a marriage sets both parties married (HYZK 20), once however often its delivery is repeated', async () => {
  const key = randomUUID();
  expect(await adapter.applyChange(marriage(son, floating), key)).toEqual({ outcome: 'ACCEPTED' });
  const before = (await journalLines()).length;
  expect(await adapter.applyChange(marriage(son, floating), key)).toEqual({ outcome: 'ACCEPTED' });
  expect(await journalLines()).toHaveLength(before);
  expect((await recordOf(son))?.maritalStatus).toBe('MARRIED');
  expect((await recordOf(floating))?.maritalStatus).toBe('MARRIED');
});

test('a marriage of a person registered married is refused by the register, and its pre-check says so', async () => {
  expect(await adapter.checkChange(marriage(widow, head))).toMatch(/婚姻状况为已婚/);
  const outcome = await adapter.applyChange(marriage(widow, head), randomUUID());
  expect(outcome).toEqual({ outcome: 'REJECTED', reason: expect.stringMatching(/^household register refused \(不予受理\): .*已婚/) });
  expect((await recordOf(widow))?.maritalStatus).toBe('WIDOWED');
});

test('a divorce sets both divorced (HYZK 40); a divorce of the unmarried is refused', async () => {
  const divorce: ReportedChange = { kind: 'DIVORCE', residentId: son, occurredOn: '2026-11-01', spouse: { spouseId: floating } };
  expect(await adapter.applyChange(divorce, randomUUID())).toEqual({ outcome: 'ACCEPTED' });
  expect((await recordOf(son))?.maritalStatus).toBe('DIVORCED');
  expect(await adapter.applyChange(divorce, randomUUID())).toMatchObject({ outcome: 'REJECTED' });
});

test('a death deregisters the person (死亡注销) and takes them out of the household; a second death is refused', async () => {
  const death: ReportedChange = { kind: 'DEATH', residentId: widow, occurredOn: '2026-11-15' };
  expect(await adapter.checkChange(death)).toBeNull();
  expect(await adapter.applyChange(death, randomUUID())).toEqual({ outcome: 'ACCEPTED' });
  expect(await recordOf(widow)).toMatchObject({ registrationStatus: 'DECEASED', deregisteredOn: '2026-11-15' });
  const household = (await adapter.lookupHouseholds(['310115000101'])).get('310115000101');
  expect(household?.members.map((member) => member.citizenId)).not.toContain(widow);
  expect(await adapter.checkChange(death)).toMatch(/已死亡注销/);
  expect(await adapter.applyChange(death, randomUUID())).toMatchObject({ outcome: 'REJECTED' });
});

test('a birth enters the child with a new citizen ID (GB 11643) in the mother’s household', async () => {
  const birth: ReportedChange = {
    kind: 'BIRTH',
    residentId: null,
    occurredOn: '2026-11-20',
    birth: { motherId: spouse, fatherId: head, childName: '张小雨', childGender: 'FEMALE' },
  };
  const key = randomUUID();
  expect(await adapter.applyChange(birth, key)).toEqual({ outcome: 'ACCEPTED' });
  expect(await adapter.applyChange(birth, key)).toEqual({ outcome: 'ACCEPTED' });
  const household = (await adapter.lookupHouseholds(['310115000101'])).get('310115000101')!;
  const children = household.members.filter((member) => member.citizenId.slice(6, 14) === '20261120');
  expect(children).toEqual([{ citizenId: expect.any(String), relationToHead: 'DAUGHTER' }]);
  const childId = children[0]!.citizenId;
  expect(isValidCitizenId(childId)).toBe(true);
  expect(Number(childId[16]) % 2).toBe(0);
  expect(await recordOf(childId)).toMatchObject({
    name: '张小雨',
    gender: 'FEMALE',
    birthDate: '2026-11-20',
    maritalStatus: 'UNMARRIED',
    householdId: '310115000101',
  });
});

test('an address change rewrites the registered address (HJDZ); a floating resident’s is refused', async () => {
  const move = (residentId: string): ReportedChange => ({
    kind: 'ADDRESS_CHANGE',
    residentId,
    occurredOn: '2026-11-02',
    move: { gridId: 'G02', address: '上海市浦东新区崂山路12弄4号' },
  });
  expect(await adapter.applyChange(move(head), randomUUID())).toEqual({ outcome: 'ACCEPTED' });
  expect((await recordOf(head))?.registeredAddress).toBe('上海市浦东新区崂山路12弄4号');
  expect(await adapter.applyChange(move(floating), randomUUID())).toMatchObject({ outcome: 'REJECTED' });
});

test('a move in makes a floating resident permanent at the new address; a move out deregisters (迁出注销)', async () => {
  const moveIn: ReportedChange = {
    kind: 'MOVE_IN',
    residentId: floating,
    occurredOn: '2026-11-03',
    move: { gridId: 'G01', address: '上海市浦东新区东明路7号' },
  };
  expect(await adapter.applyChange(moveIn, randomUUID())).toEqual({ outcome: 'ACCEPTED' });
  expect(await recordOf(floating)).toMatchObject({ populationType: 'PERMANENT', registeredAddress: '上海市浦东新区东明路7号', residencePermit: null });
  const moveOut: ReportedChange = { kind: 'MOVE_OUT', residentId: floating, occurredOn: '2026-11-30', moveOut: { toAddress: '江苏省南京市' } };
  expect(await adapter.applyChange(moveOut, randomUUID())).toEqual({ outcome: 'ACCEPTED' });
  expect(await recordOf(floating)).toMatchObject({ registrationStatus: 'MOVED_OUT', deregisteredOn: '2026-11-30' });
});

test('a change of a person the register does not know is refused, and its pre-check says so', async () => {
  const death: ReportedChange = { kind: 'DEATH', residentId: typoHead, occurredOn: '2026-11-15' };
  expect(await adapter.checkChange(death)).toMatch(/无此人员/);
  expect(await adapter.applyChange(death, randomUUID())).toMatchObject({ outcome: 'REJECTED' });
});

test('the register keeps its changes and serial numbers across a restart, a line torn by a crash cut off', async () => {
  const key = randomUUID();
  const change = marriage(typoHead, widow);
  const first = await adapter.applyChange(change, key);
  await standIn.close();
  await appendFile(path.join(dataDir, 'public-security', 'bgjl.jsonl'), '{"result":{"YWLSH":"torn');
  standIn = await startStandIn({ dataDir, port: 0 });
  adapter = createPublicSecurityAdapter({ baseUrl: standIn.url, retries: 0 });
  expect(await adapter.applyChange(change, key)).toEqual(first);
  expect(await recordOf(widow)).toMatchObject({ registrationStatus: 'DECEASED' });
  expect((await recordOf(son))?.maritalStatus).toBe('DIVORCED');
});

test('a run with its own state directory starts from the export as generated and journals there, not beside the data', async () => {
  const stateRoot = await mkdtemp(path.join(tmpdir(), 'public-security-state-'));
  // A folder the run names but nobody made yet, as the stack names one per stand-in.
  const stateDir = path.join(stateRoot, 'public-security');
  const own = await startStandIn({ dataDir, port: 0, stateDir });
  try {
    const ownAdapter = createPublicSecurityAdapter({ baseUrl: own.url, retries: 0 });
    // Earlier tests deregistered the widow in the default journal; this run does not see it.
    expect((await ownAdapter.lookup([widow])).get(widow)!.record).toMatchObject({ registrationStatus: 'REGISTERED' });
    const before = (await journalLines()).length;
    expect(await ownAdapter.applyChange({ kind: 'DEATH', residentId: widow, occurredOn: '2026-11-20' }, randomUUID())).toEqual({ outcome: 'ACCEPTED' });
    expect((await readFile(path.join(stateDir, 'bgjl.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(1);
    expect(await journalLines()).toHaveLength(before);
  } finally {
    await own.close();
    await rm(stateRoot, { recursive: true, force: true });
  }
});

test('a system that cannot be asked is a DepartmentError, so the delivery is retried', async () => {
  const down = createPublicSecurityAdapter({ baseUrl: 'http://127.0.0.1:9', retries: 0 });
  await expect(down.applyChange(marriage(son, widow), randomUUID())).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
});

test("the register's business date is Shanghai's: at 01:00 there (17:00 UTC the day before) a change of that day is taken, one of the next refused", async () => {
  fakeTheClockOnly(new Date('2026-12-07T17:00:00Z'));
  try {
    const move = (occurredOn: string): ReportedChange => ({
      kind: 'ADDRESS_CHANGE',
      residentId: head,
      occurredOn,
      move: { address: '上海市浦东新区北艾路1号', gridId: 'G001' },
    });
    expect(await adapter.checkChange(move('2026-12-08'))).toBeNull();
    expect(await adapter.checkChange(move('2026-12-09'))).toMatch(/变更日期晚于受理日期/);
  } finally {
    jest.useRealTimers();
  }
});
