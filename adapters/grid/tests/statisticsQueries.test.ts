import type { ResidentCategory } from '@resident-graph/schemas';
import { createGridAdapter, type GridAdapter, type PlacementScope } from '../src';
import { ids, makePopulation } from './fixtures/population';
import { seededDatabase } from './fixtures/seededDatabase';

// The two questions the analysts' statistics ask the grid database, each one query.
const population = makePopulation();
const keyed = population.residents.filter((resident) => resident.id !== ids.mistyped);

let db: Awaited<ReturnType<typeof seededDatabase>>;
let adapter: GridAdapter;

beforeAll(async () => {
  db = await seededDatabase(population, 'grid_statistics');
  adapter = createGridAdapter({ databaseUrl: db.databaseUrl, schema: db.name, retries: 0 });
});
afterAll(async () => {
  await adapter.close();
  await db.drop();
});

test('lists who carries each category asked for by canonical ID, and counts the row whose stored ID matches no one', async () => {
  const categories: ResidentCategory[] = ['ELDERLY', 'LAID_OFF', 'CHILD_UNDER_3'];
  const calls = adapter.callsMade();
  const { members, unresolvedRecords } = await adapter.categoryMembers(categories);
  expect(adapter.callsMade() - calls).toBe(1);
  for (const category of categories) {
    const expected = keyed.filter((resident) => resident.grid.categories.includes(category)).map((resident) => resident.id);
    expect(members.get(category)?.sort()).toEqual(expected.sort());
  }
  expect(unresolvedRecords).toBe(1);
});

test.each<[string, PlacementScope, string[]]>([
  ['the whole street', { community: null, grids: [] }, ['G01', 'G02', 'G03']],
  ['one community', { community: 'C01', grids: [] }, ['G01', 'G02']],
  ['some grids', { community: null, grids: ['G02', 'G03'] }, ['G02', 'G03']],
])('places every keyed resident of %s with grid, community and dwelling, and nobody else', async (_scope, scope, grids) => {
  const placed = await adapter.placeResidents(scope);
  const expected = keyed
    .filter((resident) => grids.includes(resident.grid.gridId))
    .map((resident) => ({ citizenId: resident.id, gridId: resident.grid.gridId, communityId: resident.grid.communityId, householdId: resident.householdId }));
  const byId = (a: { citizenId: string }, b: { citizenId: string }) => a.citizenId.localeCompare(b.citizenId);
  expect([...placed].sort(byId)).toEqual(expected.sort(byId));
});
