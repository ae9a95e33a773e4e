import { randomUUID } from 'node:crypto';
import type { ReportedChange } from '@resident-graph/schemas';
import { changeDeliveryClient, TEST_REPORTER, type ChangeDeliveryClient } from '@resident-graph/subgraph-kit/testing';
import { householdPopulation } from './fixtures/population';
import { startRunningSubgraph, type RunningSubgraph } from './fixtures/runningSubgraph';

// The changes service's deliveries to public security through its subgraph's real HTTP
// routes (mounted by the subgraph kit for its adapter), applied in the register stand-in,
// then read back through the subgraph's own graph.
const population = householdPopulation();
const [head, wife, daughter, floating] = population.residents.map((resident) => resident.id) as [string, string, string, string];
const STATUS = `query ($id: CitizenId!) { resident(id: $id) { maritalStatus registrationStatus deregisteredOn household { members { resident { id } } } } }`;

let running: RunningSubgraph;
let client: ChangeDeliveryClient;
beforeAll(async () => {
  running = await startRunningSubgraph(population);
  client = changeDeliveryClient(running.subgraph.url, 'public-security', running.trust.keysDir);
});
afterAll(() => running.close());

const read = async (id: string) =>
  (await running.query<{ resident: { maritalStatus: string; registrationStatus: string; deregisteredOn: string | null } }>(STATUS, { id })).data?.resident;

test('a delivered marriage is applied once and the resident reads as married afterwards; the delivery is audited', async () => {
  const marriage: ReportedChange = { kind: 'MARRIAGE', residentId: daughter, occurredOn: '2026-10-08', spouse: { spouseId: floating } };
  const deliveryId = randomUUID();
  expect(await client.check(marriage)).toEqual({ status: 200, body: { ok: true } });
  expect(await client.deliver(marriage, deliveryId)).toEqual({ status: 200, body: { outcome: 'ACCEPTED' } });
  expect(await client.deliver(marriage, deliveryId)).toEqual({ status: 200, body: { outcome: 'ACCEPTED' } });
  expect((await read(daughter))?.maritalStatus).toBe('MARRIED');
  expect(running.audit.entries).toContainEqual(
    expect.objectContaining({
      requestId: deliveryId,
      subject: TEST_REPORTER.subject,
      residentIds: [daughter, floating].sort(),
      fields: ['ReportedChange.MARRIAGE'],
    }),
  );
  const again: ReportedChange = { kind: 'MARRIAGE', residentId: head, occurredOn: '2026-10-08', spouse: { spouseId: daughter } };
  expect(await client.check(again)).toEqual({ status: 200, body: { ok: false, reason: expect.stringContaining('已婚') } });
  expect(await client.deliver(again)).toEqual({ status: 200, body: { outcome: 'REJECTED', reason: expect.stringContaining('已婚') } });
});

test('a delivered death deregisters the resident, who leaves the household', async () => {
  expect(await client.deliver({ kind: 'DEATH', residentId: wife, occurredOn: '2026-11-11' })).toEqual({ status: 200, body: { outcome: 'ACCEPTED' } });
  expect(await read(wife)).toMatchObject({ registrationStatus: 'DECEASED', deregisteredOn: '2026-11-11' });
  const household = await running.query<{ resident: { household: { members: { resident: { id: string } }[] } } }>(STATUS, { id: head });
  expect(household.data?.resident.household.members.map((member) => member.resident.id)).not.toContain(wife);
});

test('answers 503 DEPARTMENT_UNAVAILABLE while the register is down, and applies the delivery when it is back', async () => {
  const divorce: ReportedChange = { kind: 'DIVORCE', residentId: daughter, occurredOn: '2026-11-20', spouse: { spouseId: floating } };
  const deliveryId = randomUUID();
  await running.setFault('unavailable');
  try {
    expect(await client.deliver(divorce, deliveryId)).toMatchObject({ status: 503, body: { code: 'DEPARTMENT_UNAVAILABLE' } });
  } finally {
    await running.setFault('none');
  }
  expect(await client.deliver(divorce, deliveryId)).toEqual({ status: 200, body: { outcome: 'ACCEPTED' } });
  expect((await read(daughter))?.maritalStatus).toBe('DIVORCED');
});

test('refuses a kind public security does not act on', async () => {
  const change: ReportedChange = { kind: 'EMPLOYMENT_CHANGE', residentId: head, occurredOn: '2026-11-01', employment: { status: 'LAID_OFF' } };
  expect(await client.deliver(change)).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
});
