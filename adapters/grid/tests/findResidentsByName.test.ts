import { createGridAdapter, NameSearchError, type GridAdapter, type NameSearchResult } from '@resident-graph/adapter-grid';
import { citizenId, ids, makePopulation, truthResident } from './fixtures/population';
import { seededDatabase } from './fixtures/seededDatabase';

// The fixture street, plus namesakes of 张伟 (G01, C01): one in G02 (C01), one in G03 (C02),
// and a 张伟明 in G01, whose name contains the one searched for.
const namesakes = {
  inG02: citizenId('1988-04-04', 211),
  inG03: citizenId('1979-09-19', 331),
  longerInG01: citizenId('2002-02-20', 115),
};
const population = makePopulation();
population.residents.push(
  truthResident({ id: namesakes.inG02, name: '张伟', householdId: '310115000201', categories: ['PERMANENT'] }),
  truthResident({ id: namesakes.inG03, name: '张伟', householdId: '310115000301', categories: ['PERMANENT'] }),
  truthResident({ id: namesakes.longerInG01, name: '张伟明', householdId: '310115000102', categories: ['PERMANENT'] }),
);

let db: Awaited<ReturnType<typeof seededDatabase>>;
let adapter: GridAdapter;

beforeAll(async () => {
  db = await seededDatabase(population, 'grid_name_search');
  adapter = createGridAdapter({ databaseUrl: db.databaseUrl, schema: db.name, timeoutMs: 5_000 });
});

afterAll(async () => {
  await adapter?.close();
  await db?.drop();
});

const found = (result: NameSearchResult) => result.nodes.map((node) => node.citizenId);
const search = (name: string, scope: { community: string | null; grids: string[] }, first = 10) => adapter.findResidentsByName({ name, scope, first });

test("finds only residents placed in the caller's grids: namesakes elsewhere are not returned", async () => {
  expect(found(await search('张伟', { community: null, grids: ['G01'] }))).toEqual([ids.plain, namesakes.longerInG01]);
  expect(found(await search('张伟', { community: null, grids: ['G02'] }))).toEqual([namesakes.inG02]);
  expect(found(await search('张伟', { community: null, grids: ['G01', 'G03'] }))).toEqual([namesakes.inG03, ids.plain, namesakes.longerInG01]);
});

test("a community's scope is its grids, and no other community's", async () => {
  expect(found(await search('张伟', { community: 'C01', grids: [] }))).toEqual([ids.plain, namesakes.inG02, namesakes.longerInG01]);
  expect(found(await search('张伟', { community: 'C02', grids: [] }))).toEqual([namesakes.inG03]);
});

test('the whole street for a caller scoped to neither; exact names first (namesakes by citizen ID), then by name', async () => {
  expect(found(await search('张伟', { community: null, grids: [] }))).toEqual([namesakes.inG03, ids.plain, namesakes.inG02, namesakes.longerInG01]);
});

test('part of a name finds it; a name nobody in scope has finds no one', async () => {
  expect(found(await search('伟明', { community: null, grids: ['G01'] }))).toEqual([namesakes.longerInG01]);
  expect(found(await search('吴芳', { community: null, grids: ['G01'] }))).toEqual([]);
  expect(found(await search('吴芳', { community: null, grids: ['G02'] }))).toEqual([ids.other]);
});

test('each node carries the answer lookup gives, so callers can prime their cache', async () => {
  const [node] = (await search('吴芳', { community: null, grids: ['G02'] })).nodes;
  expect(node?.lookup).toEqual((await adapter.lookup([ids.other])).get(ids.other));
});

test('at most `first` residents, and whether more match, in one query', async () => {
  const before = adapter.callsMade();
  const scope = { community: null, grids: [] };
  expect(await search('张伟', scope, 2)).toMatchObject({ nodes: [{ citizenId: namesakes.inG03 }, { citizenId: ids.plain }], hasMore: true });
  expect(adapter.callsMade() - before).toBe(1);
  expect((await search('张伟', scope, 4)).hasMore).toBe(false);
  expect((await search('张伟', scope, 3)).hasMore).toBe(true);
});

test('a name too short, too long or padded, or a bad `first`, is refused before any query', async () => {
  const before = adapter.callsMade();
  const scope = { community: null, grids: ['G01'] };
  await expect(search('张', scope)).rejects.toThrow(new NameSearchError('a name to search for needs at least 2 characters'));
  await expect(search('', scope)).rejects.toThrow(NameSearchError);
  await expect(search('张'.repeat(31), scope)).rejects.toThrow(new NameSearchError('a name to search for has at most 30 characters'));
  await expect(search(' 张伟', scope)).rejects.toThrow(new NameSearchError('a name to search for must not start or end with spaces'));
  for (const first of [0, 51, 1.5]) await expect(search('张伟', scope, first)).rejects.toThrow(new NameSearchError('"first" must be an integer from 1 to 50'));
  expect(adapter.callsMade() - before).toBe(0);
  // Two characters, one of them outside the Basic Multilingual Plane, are two characters.
  await expect(search('𠀀伟', scope)).resolves.toEqual({ nodes: [], hasMore: false });
  await expect(search('张'.repeat(30), scope)).resolves.toEqual({ nodes: [], hasMore: false });
  await expect(search('张伟', scope, 50)).resolves.toMatchObject({ hasMore: false });
});
