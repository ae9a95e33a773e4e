import { randomUUID } from 'node:crypto';
import type { ReportedChange } from '@resident-graph/schemas';
import { changeDeliveryClient, fixedJurisdiction, type ChangeDeliveryClient } from '@resident-graph/subgraph-kit/testing';
import type { Caller } from '@resident-graph/trust';
import { startLabourHarness, type LabourHarness } from './fixtures/labourHarness';
import { labourPopulation } from './fixtures/population';

// A section subgraph takes the changes service's deliveries on the routes the subgraph kit
// mounts for its adapter; the labour section then reads what the bureau recorded.
const population = labourPopulation(12);
const LABOUR_OFFICER: Caller = { subject: 'officer-labour', role: 'department-officer', department: 'labour', grids: [], community: null };
const SECTION = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { labour { employmentStatus registeredUnemployed laidOff } } } }`;
const withCard = population.residents.find((resident) => resident.labour && resident.labour.employmentStatus === 'EMPLOYED')!;

let harness: LabourHarness;
let client: ChangeDeliveryClient;
beforeAll(async () => {
  harness = await startLabourHarness(
    population,
    fixedJurisdiction(new Map(population.residents.map((resident) => [resident.id, { gridId: 'G1', communityId: 'C1' }]))),
  );
  client = changeDeliveryClient(harness.subgraph.url, 'labour', harness.trust.keysDir);
});
afterAll(() => harness.close());

test('a delivered employment change is applied once and the labour section reads it afterwards', async () => {
  const change: ReportedChange = {
    kind: 'EMPLOYMENT_CHANGE',
    residentId: withCard.id,
    occurredOn: '2026-11-16',
    employment: { status: 'REGISTERED_UNEMPLOYED' },
  };
  const deliveryId = randomUUID();
  expect(await client.deliver(change, deliveryId)).toEqual({ status: 200, body: { outcome: 'ACCEPTED' } });
  expect(await client.deliver(change, deliveryId)).toEqual({ status: 200, body: { outcome: 'ACCEPTED' } });
  const answer = await harness.post<{ _entities: { labour: Record<string, unknown> }[] }>(
    SECTION,
    { representations: [{ __typename: 'Resident', id: withCard.id }] },
    await harness.trust.gatewayHeaders(LABOUR_OFFICER),
  );
  expect(answer.data?._entities[0]?.labour).toEqual({ employmentStatus: 'REGISTERED_UNEMPLOYED', registeredUnemployed: true, laidOff: false });
  expect(harness.audit.entries).toContainEqual(
    expect.objectContaining({ requestId: deliveryId, subgraph: 'labour', fields: ['ReportedChange.EMPLOYMENT_CHANGE'] }),
  );
});

test('the labour bureau has no pre-check: the changes service is told there is none', async () => {
  const body = JSON.stringify({ kind: 'DEATH', residentId: withCard.id, occurredOn: '2026-11-20' });
  expect((await client.post(body, await client.sign(body), '/changes/checks')).status).toBe(404);
});
