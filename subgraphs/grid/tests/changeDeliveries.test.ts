import { randomUUID } from 'node:crypto';
import type { ReportedChange } from '@resident-graph/schemas';
import { changeDeliveryClient, type ChangeDeliveryClient } from '@resident-graph/subgraph-kit/testing';
import { makePopulation } from './fixtures/population';
import { startRunningSubgraph, type RunningSubgraph } from './fixtures/runningSubgraph';

// The grid subgraph (a department subgraph without a section) takes the changes service's
// deliveries on the routes the subgraph kit mounts for its adapter: a move delivered there
// moves the resident's jurisdiction, as the subgraph itself then answers it.
const population = makePopulation();
const mover = population.residents[0]!;
const target = population.street.households.find((household) => {
  const building = population.street.buildings.find((b) => b.id === household.buildingId)!;
  return building.gridId !== mover.gridId;
})!;
const targetGrid = population.street.buildings.find((b) => b.id === target.buildingId)!.gridId;
const JURISDICTION = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { id jurisdiction { gridId } } } }`;

let running: RunningSubgraph;
let client: ChangeDeliveryClient;
beforeAll(async () => {
  running = await startRunningSubgraph(population);
  client = changeDeliveryClient(running.subgraph.url, 'grid', running.trust.keysDir);
  // Prisma Client loads its query engine on the first query, which the harness's 1 s limit does not allow for.
  await running.adapter.checkHealth().catch(() => running.adapter.checkHealth());
});
afterAll(() => running.close());

test('a delivered address change moves the resident to the new grid, once', async () => {
  const change: ReportedChange = {
    kind: 'ADDRESS_CHANGE',
    residentId: mover.id,
    occurredOn: '2026-11-10',
    move: { gridId: targetGrid, address: target.address },
  };
  const deliveryId = randomUUID();
  expect(await client.check(change)).toEqual({ status: 200, body: { ok: true } });
  expect(await client.deliver(change, deliveryId)).toEqual({ status: 200, body: { outcome: 'ACCEPTED' } });
  expect(await client.deliver(change, deliveryId)).toEqual({ status: 200, body: { outcome: 'ACCEPTED' } });
  const answer = await running.query<{ _entities: { jurisdiction: { gridId: string } }[] }>(JURISDICTION, { r: [{ __typename: 'Resident', id: mover.id }] });
  expect(answer.data?._entities[0]?.jurisdiction).toEqual({ gridId: targetGrid });
});

test('a move into a grid the street does not have is refused by the check and rejected on delivery', async () => {
  const change: ReportedChange = { kind: 'MOVE_IN', residentId: mover.id, occurredOn: '2026-11-10', move: { gridId: 'G-NOWHERE', address: '某路1号' } };
  expect(await client.check(change)).toEqual({ status: 200, body: { ok: false, reason: 'no grid G-NOWHERE in the street' } });
  expect(await client.deliver(change)).toEqual({ status: 200, body: { outcome: 'REJECTED', reason: 'no grid G-NOWHERE in the street' } });
});
