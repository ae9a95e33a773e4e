import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { StandInServer } from '@resident-graph/adapter-kit';
import type { LabourAdapter } from '@resident-graph/adapter-labour';
import { exportDirOf, startStandIn, writeStandInData } from '@resident-graph/adapter-labour/stand-in';
import type { EmploymentStatus, ReportedChange } from '@resident-graph/schemas';
import { businessJournalIn, defaultStateDirOf } from '../src/stand-in/standInFiles';
import { labourAdapters } from './fixtures/labourAdapters';
import { labourPopulation, residentsOf } from './fixtures/population';
import { tempDir } from './fixtures/tempDir';

// Reported changes applied through the adapter to the real bureau stand-in (its business
// API and journal): the bureau's rules decide, each business number is applied once as
// its journal shows, and a lookup through the API shows the change afterwards.
const population = labourPopulation();
const { employed, laidOff, unemployed, noRecord, retired } = residentsOf(population);
let dir: string;
let remove: () => Promise<void>;
let standIn: StandInServer;
let adapter: LabourAdapter;

const adapters = labourAdapters();
const connect = () => adapters.create({ baseUrl: standIn.url, exportDir: exportDirOf(dir), retries: 0 });
beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  await writeStandInData(population, dir);
  standIn = await startStandIn({ dataDir: dir, port: 0 });
  adapter = connect();
});
afterAll(async () => {
  await adapters.release();
  await standIn.close();
  await remove();
});

const employmentChange = (residentId: string, status: EmploymentStatus): ReportedChange => ({
  kind: 'EMPLOYMENT_CHANGE',
  residentId,
  occurredOn: '2026-11-16',
  employment: { status },
});
const recordOf = async (id: string) => (await adapter.lookup([id])).get(id)!.record;
const journal = async () => (await readFile(businessJournalIn(defaultStateDirOf(dir)), 'utf8')).trim().split('\n');

test('registering a worker unemployed records the status and opens a 失业登记, once per business number', async () => {
  const key = randomUUID();
  expect(await adapter.applyChange(employmentChange(employed.id, 'REGISTERED_UNEMPLOYED'), key)).toEqual({ outcome: 'ACCEPTED' });
  const lines = (await journal()).length;
  expect(await adapter.applyChange(employmentChange(employed.id, 'REGISTERED_UNEMPLOYED'), key)).toEqual({ outcome: 'ACCEPTED' });
  expect(await journal()).toHaveLength(lines);
  expect(await recordOf(employed.id)).toMatchObject({
    employmentStatus: 'REGISTERED_UNEMPLOYED',
    laidOff: false,
    unemploymentRegistration: { registeredOn: '2026-11-16', certificateNumber: expect.stringMatching(/^SY20261116/) },
  });
});

test('re-employment of a laid-off worker clears 下岗 and ends the unemployment registration', async () => {
  expect(await adapter.applyChange(employmentChange(laidOff.id, 'EMPLOYED'), randomUUID())).toEqual({ outcome: 'ACCEPTED' });
  expect(await recordOf(laidOff.id)).toMatchObject({ employmentStatus: 'EMPLOYED', laidOff: false, unemploymentRegistration: null });
  expect(await adapter.applyChange(employmentChange(unemployed.id, 'LAID_OFF'), randomUUID())).toEqual({ outcome: 'ACCEPTED' });
  expect(await recordOf(unemployed.id)).toMatchObject({ employmentStatus: 'LAID_OFF', laidOff: true });
});

test('a citizen without a social security card is rejected', async () => {
  expect(await adapter.applyChange(employmentChange(noRecord.id, 'EMPLOYED'), randomUUID())).toEqual({
    outcome: 'REJECTED',
    reason: 'no social security card for this citizen',
  });
});

test('a status outside the bureau’s code table is rejected: by the adapter for UNKNOWN, by the bureau for a code it does not have', async () => {
  expect(await adapter.applyChange(employmentChange(retired.id, 'UNKNOWN'), randomUUID())).toMatchObject({ outcome: 'REJECTED' });
  const response = await fetch(`${standIn.url}/api/v1/cards/job-status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reqNo: randomUUID(), cardNo: retired.labour!.socialSecurityCardNumber, jobStatus: '99', changeDate: '20261116' }),
  });
  expect([response.status, ((await response.json()) as { retCode: number }).retCode]).toEqual([200, 30002]);
  expect((await recordOf(retired.id))?.employmentStatus).toBe('RETIRED');
});

test('a death closes the card and ends its insurance; a later change to the closed card is refused by the bureau', async () => {
  const death: ReportedChange = { kind: 'DEATH', residentId: unemployed.id, occurredOn: '2026-11-20' };
  expect(await adapter.applyChange(death, randomUUID())).toEqual({ outcome: 'ACCEPTED' });
  const record = await recordOf(unemployed.id);
  expect(record?.insurance.length).toBeGreaterThan(0);
  expect(record?.insurance.every((row) => !row.active)).toBe(true);
  expect(await adapter.applyChange(death, randomUUID())).toEqual({
    outcome: 'REJECTED',
    reason: expect.stringMatching(/^labour bureau refused \(30003\): .*已注销/),
  });
  expect(await adapter.applyChange(employmentChange(unemployed.id, 'EMPLOYED'), randomUUID())).toMatchObject({ outcome: 'REJECTED' });
});

test('the bureau keeps its changes and business numbers across a restart', async () => {
  const key = randomUUID();
  expect(await adapter.applyChange(employmentChange(retired.id, 'EMPLOYED'), key)).toEqual({ outcome: 'ACCEPTED' });
  await standIn.close();
  standIn = await startStandIn({ dataDir: dir, port: 0 });
  adapter = connect();
  expect((await recordOf(retired.id))?.employmentStatus).toBe('EMPLOYED');
  const lines = (await journal()).length;
  expect(await adapter.applyChange(employmentChange(retired.id, 'EMPLOYED'), key)).toEqual({ outcome: 'ACCEPTED' });
  expect(await journal()).toHaveLength(lines);
});

test('a bureau that cannot be asked is a DepartmentError, so the delivery is retried', async () => {
  await fetch(`${standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify({ kind: 'unavailable' }) });
  try {
    await expect(adapter.applyChange(employmentChange(employed.id, 'EMPLOYED'), randomUUID())).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
  } finally {
    await fetch(`${standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify({ kind: 'none' }) });
  }
});

test('a run with its own state directory starts from the data as generated and journals there, not beside the data', async () => {
  const state = await tempDir();
  // A folder the run names but nobody made yet, as the stack names one per stand-in.
  const stateDir = path.join(state.dir, 'labour');
  const own = await startStandIn({ dataDir: dir, port: 0, stateDir });
  try {
    const ownAdapter = adapters.create({ baseUrl: own.url, exportDir: exportDirOf(dir), retries: 0 });
    // The first test registered this worker unemployed in the default journal; this run does not see it.
    expect((await ownAdapter.lookup([employed.id])).get(employed.id)!.record).toMatchObject({ employmentStatus: 'EMPLOYED' });
    const before = (await journal()).length;
    expect(await ownAdapter.applyChange(employmentChange(employed.id, 'LAID_OFF'), randomUUID())).toEqual({ outcome: 'ACCEPTED' });
    expect((await readFile(businessJournalIn(stateDir), 'utf8')).trim().split('\n')).toHaveLength(1);
    expect(await journal()).toHaveLength(before);
  } finally {
    await own.close();
    await state.remove();
  }
});
