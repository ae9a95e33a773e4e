import type { Caller } from '@resident-graph/trust';
import { makePopulation } from './fixtures/population';
import { startRunningSubgraph, type RunningSubgraph } from './fixtures/runningSubgraph';

// Residents are named 居民<index>: G01 holds 0–74, G02 75–79, G03 80–82. Two of them are
// made namesakes of 居民5 (G01): 76 in G02 (same community, C01), 80 in G03 (C02).
const population = makePopulation();
const { residents } = population;
const namesakeInG02 = residents[76]!;
const namesakeInG03 = residents[80]!;
namesakeInG02.name = '居民5';
namesakeInG03.name = '居民5';
/** 居民5 of G01, then the G01 names containing it (居民50 … 居民59), by name. */
const g01Matches = [residents[5]!, ...residents.slice(50, 60)].map((resident) => resident.id);

const GRID_WORKER_G01: Caller = { subject: 'worker-chen', role: 'grid-worker', department: null, grids: ['G01'], community: null };
const CLERK_C02: Caller = { subject: 'clerk-wang', role: 'window-clerk', department: null, grids: [], community: 'C02' };
const ANALYST: Caller = { subject: 'analyst-li', role: 'analyst', department: null, grids: [], community: null };

const SEARCH = `query ($name: String!, $first: Int) {
  residentsByName(name: $name, first: $first) { nodes { id address } hasMore }
}`;
interface SearchAnswer {
  residentsByName: { nodes: { id: string; address: string }[]; hasMore: boolean } | null;
}

let running: RunningSubgraph;
beforeAll(async () => {
  running = await startRunningSubgraph(population);
});
afterAll(async () => {
  await running?.close();
});
beforeEach(() => {
  running.audit.entries.length = 0;
  running.audit.refusals.length = 0;
});

const search = (name: string, caller: Caller, options: { first?: number; purpose?: null } = {}) =>
  running.query<SearchAnswer>(SEARCH, { name, first: options.first }, { caller, ...(options.purpose === null && { purpose: null }) });

test('a grid worker finds residents of their grids by name, exact name first; namesakes elsewhere are not returned', async () => {
  const answer = await search('居民5', GRID_WORKER_G01);
  expect(answer.errors).toBeUndefined();
  expect(answer.data?.residentsByName).toEqual({
    nodes: g01Matches.map((id) => ({ id, address: residents.find((resident) => resident.id === id)!.grid.address })),
    hasMore: false,
  });
});

test("a window clerk's search covers their community and no other", async () => {
  const answer = await search('居民5', CLERK_C02);
  expect(answer.data?.residentsByName?.nodes.map((node) => node.id)).toEqual([namesakeInG03.id]);
});

test('at most `first` residents, and whether there are more', async () => {
  const answer = await search('居民5', GRID_WORKER_G01, { first: 3 });
  expect(answer.data?.residentsByName).toMatchObject({ nodes: g01Matches.slice(0, 3).map((id) => ({ id })), hasMore: true });
});

test('the search and each resident it found go into the audit entry', async () => {
  await search('居民5', CLERK_C02);
  expect(running.audit.entries).toEqual([
    expect.objectContaining({
      subject: 'clerk-wang',
      outcome: 'SERVED',
      residentIds: [namesakeInG03.id],
      fields: expect.arrayContaining(['Query.residentsByName', 'Resident.id', 'Resident.address']),
    }),
  ]);
});

test('a name too short is BAD_USER_INPUT, saying how long it must be; spaces around a name do not count', async () => {
  const answer = await search(' 居 ', GRID_WORKER_G01);
  expect(answer.errors).toEqual([
    expect.objectContaining({ message: 'a name to search for needs at least 2 characters', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
  ]);
  expect((await search(' 居民5 ', GRID_WORKER_G01)).data?.residentsByName?.nodes).toHaveLength(g01Matches.length);
  expect((await search('居民5', GRID_WORKER_G01, { first: 51 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('without a purpose the search is refused', async () => {
  const answer = await search('居民5', GRID_WORKER_G01, { purpose: null });
  expect(answer.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
  expect(answer.data?.residentsByName ?? null).toBeNull();
});

test('an analyst may not search for a person', async () => {
  const answer = await search('居民5', ANALYST);
  expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

test('a grid worker whose token names no grid finds no one', async () => {
  const answer = await search('居民5', { ...GRID_WORKER_G01, grids: [] });
  expect(answer.data?.residentsByName).toEqual({ nodes: [], hasMore: false });
});
