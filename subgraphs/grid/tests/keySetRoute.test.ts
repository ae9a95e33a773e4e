import { createPseudonymizer, toKeySet, type KeySetQuery } from '@resident-graph/subgraph-kit';
import { keySetClient, type KeySetClient } from '@resident-graph/subgraph-kit/testing';
import { loadPseudonymSecret, type Caller } from '@resident-graph/trust';
import { IMPERFECT, makePopulation } from './fixtures/population';
import { startRunningSubgraph, type RunningSubgraph } from './fixtures/runningSubgraph';

// The grid's key sets through its real HTTP route: only the statistics service's signed
// request for this department and body, once, gets them.
const population = makePopulation();
const keyed = population.residents.filter((_resident, index) => index !== IMPERFECT.mistyped);
const analyst: Caller = { subject: 'analyst-c01', role: 'analyst', department: null, grids: [], community: 'C01' };
const query: KeySetQuery = { asOf: population.asOf, facts: [{ category: 'LAID_OFF' }, { category: 'ELDERLY' }], partitions: [], placement: true };
const body = JSON.stringify(query);

let running: RunningSubgraph;
let client: KeySetClient;
beforeAll(async () => {
  running = await startRunningSubgraph(population);
  client = keySetClient(running.subgraph.url, 'grid', running.trust.keysDir);
});
afterAll(() => running.close());

const codeOf = async (response: Response) => ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code;

test('answers a signed request with the categories over the street and the placement of the analyst community only', async () => {
  const answer = await client.ask(query, analyst);
  const keys = createPseudonymizer(loadPseudonymSecret(running.trust.keysDir));
  const keysOf = (residents: typeof keyed) => [...toKeySet(residents.map((resident) => keys.keyOf(resident.id)))];
  expect(answer.facts.map((set) => [...set])).toEqual(
    (['LAID_OFF', 'ELDERLY'] as const).map((category) => keysOf(keyed.filter((resident) => resident.grid.categories.includes(category)))),
  );
  const community = keyed.filter((resident) => resident.grid.communityId === 'C01');
  expect([...answer.placement!.keys]).toEqual(keysOf(community));
  expect([...answer.placement!.grid].map((index) => answer.placement!.gridIds[index])).toEqual(
    [...answer.placement!.keys].map((key) => community.find((resident) => keys.keyOf(resident.id) === key)!.grid.gridId),
  );
  expect(answer.placement!.communityOfGrid).toEqual(answer.placement!.gridIds.map(() => 'C01'));
  expect(answer.unresolvedRecords).toBe(1);
});

test('refuses an unsigned request, and one signed for another department, with 401', async () => {
  const unsigned = await client.post(body);
  expect([unsigned.status, await codeOf(unsigned)]).toEqual([401, 'UNAUTHENTICATED']);
  const misdirected = await client.post(body, await client.sign(body, analyst, 'labour'));
  expect([misdirected.status, await codeOf(misdirected)]).toEqual([401, 'UNAUTHENTICATED']);
});

test('answers a signed request once: replayed, it is refused with 401', async () => {
  const headers = await client.sign(body, analyst);
  expect((await client.post(body, headers)).status).toBe(200);
  const replayed = await client.post(body, headers);
  expect([replayed.status, await codeOf(replayed)]).toEqual([401, 'UNAUTHENTICATED']);
});

test('refuses a signed query that is not a key-set query with 400', async () => {
  const malformed = JSON.stringify({ ...query, facts: [{ category: 'ASTRONAUT' }] });
  const response = await client.post(malformed, await client.sign(malformed, analyst));
  expect([response.status, await codeOf(response)]).toEqual([400, 'BAD_USER_INPUT']);
});

test('refuses a fact another department holds with 400, naming it', async () => {
  const foreign = JSON.stringify({ ...query, facts: [{ category: 'ELDERLY' }, { gender: 'FEMALE' }] });
  const response = await client.post(foreign, await client.sign(foreign, analyst));
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ errors: [{ message: 'grid does not hold the facts gender', extensions: { code: 'BAD_USER_INPUT' } }] });
});

describe('an unreachable grid database', () => {
  let down: RunningSubgraph;
  beforeAll(async () => {
    down = await startRunningSubgraph(population, { databaseUrl: 'postgresql://postgres@127.0.0.1:1/test' });
  });
  afterAll(() => down.close());

  it('answers 503 DEPARTMENT_UNAVAILABLE', async () => {
    const downClient = keySetClient(down.subgraph.url, 'grid', down.trust.keysDir);
    const response = await downClient.post(body, await downClient.sign(body, analyst));
    expect([response.status, await codeOf(response)]).toEqual([503, 'DEPARTMENT_UNAVAILABLE']);
  });
});
