import { randomUUID } from 'node:crypto';
import { createPseudonymizer, decodeKeySetAnswer, KEY_SET_PATH, toKeySet, type KeySetQuery } from '@resident-graph/subgraph-kit';
import { KEY_SET_REQUEST_HEADER, loadKey, loadPseudonymSecret, signKeySetRequest, type Caller, type KeyLike } from '@resident-graph/trust';
import { IMPERFECT, makePopulation } from './fixtures/population';
import { startRunningSubgraph, type RunningSubgraph } from './fixtures/runningSubgraph';

// The grid's key sets through its real HTTP route: only the statistics service's signed
// request for this department and body, once, gets them.
const population = makePopulation();
const keyed = population.residents.filter((_resident, index) => index !== IMPERFECT.mistyped);
const analyst: Caller = { subject: 'analyst-c01', role: 'analyst', department: null, grids: [], community: 'C01' };
const query: KeySetQuery = { asOf: population.asOf, facts: [{ category: 'LAID_OFF' }, { category: 'ELDERLY' }], partitions: [], placement: true };

let running: RunningSubgraph;
let statisticsKey: KeyLike;
beforeAll(async () => {
  running = await startRunningSubgraph(population);
  statisticsKey = await loadKey(running.trust.keysDir, 'statistics', 'private');
});
afterAll(() => running.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(new URL(KEY_SET_PATH, running.subgraph.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const signed = async (body: string, department = 'grid') => ({
  [KEY_SET_REQUEST_HEADER]: await signKeySetRequest({ caller: analyst, requestId: randomUUID(), department }, body, statisticsKey),
});
const codeOf = async (response: Response) => ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code;

test('answers a signed request with the categories over the street and the placement of the analyst community only', async () => {
  const body = JSON.stringify(query);
  const response = await post(body, await signed(body));
  expect(response.status).toBe(200);
  const answer = decodeKeySetAnswer(new Uint8Array(await response.arrayBuffer()));
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
  const body = JSON.stringify(query);
  const unsigned = await post(body);
  expect([unsigned.status, await codeOf(unsigned)]).toEqual([401, 'UNAUTHENTICATED']);
  const misdirected = await post(body, await signed(body, 'labour'));
  expect([misdirected.status, await codeOf(misdirected)]).toEqual([401, 'UNAUTHENTICATED']);
});

test('answers a signed request once: replayed, it is refused with 401', async () => {
  const body = JSON.stringify(query);
  const headers = await signed(body);
  expect((await post(body, headers)).status).toBe(200);
  const replayed = await post(body, headers);
  expect([replayed.status, await codeOf(replayed)]).toEqual([401, 'UNAUTHENTICATED']);
});

test('refuses a signed query that is not a key-set query with 400', async () => {
  const body = JSON.stringify({ ...query, facts: [{ category: 'ASTRONAUT' }] });
  const response = await post(body, await signed(body));
  expect([response.status, await codeOf(response)]).toEqual([400, 'BAD_USER_INPUT']);
});

test('refuses a fact another department holds with 400, naming it', async () => {
  const body = JSON.stringify({ ...query, facts: [{ category: 'ELDERLY' }, { gender: 'FEMALE' }] });
  const response = await post(body, await signed(body));
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
    const body = JSON.stringify(query);
    const headers = await signKeySetRequest(
      { caller: analyst, requestId: randomUUID(), department: 'grid' },
      body,
      await loadKey(down.trust.keysDir, 'statistics', 'private'),
    );
    const response = await fetch(new URL(KEY_SET_PATH, down.subgraph.url), { method: 'POST', headers: { [KEY_SET_REQUEST_HEADER]: headers }, body });
    expect([response.status, await codeOf(response)]).toEqual([503, 'DEPARTMENT_UNAVAILABLE']);
  });
});
