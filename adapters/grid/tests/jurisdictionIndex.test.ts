import { createJurisdictionIndex, type JurisdictionIndex } from '@resident-graph/subgraph-kit';
import { ids, makePopulation } from './fixtures/population';
import { seededDatabase } from './fixtures/seededDatabase';

// The jurisdiction index every department subgraph reads: the grid database's two
// published views, queried as the subgraphs query them.
const population = makePopulation();
const communityOf = new Map(population.street.grids.map((grid) => [grid.id, grid.communityId]));
const gridOfBuilding = new Map(population.street.buildings.map((building) => [building.id, building.gridId]));

let db: Awaited<ReturnType<typeof seededDatabase>>;
let index: JurisdictionIndex;

beforeAll(async () => {
  db = await seededDatabase(population, 'grid_jurisdiction');
  index = createJurisdictionIndex({ databaseUrl: db.databaseUrl, schema: db.name });
});
afterAll(async () => {
  await index.close();
  await db.drop();
});

test('places every resident the survey can key where the truth says they live, in one lookup', async () => {
  const keyed = population.residents.filter((resident) => resident.id !== ids.mistyped);
  const placed = await index.placeResidents(keyed.map((resident) => resident.id));
  expect(placed).toEqual(new Map(keyed.map((resident) => [resident.id, { gridId: resident.grid.gridId, communityId: resident.grid.communityId }])));
});

test('places nobody under an ID the survey holds only mistyped, nor under an ID it never heard of', async () => {
  const placed = await index.placeResidents([ids.mistyped, '110101199003077777', "' OR 1=1 --"]);
  expect(placed.size).toBe(0);
});

test('knows a resident surveyed under a 15-digit ID by the 18-digit one', async () => {
  const resident = population.residents.find((r) => r.id === ids.legacy)!;
  expect(await index.placeResidents([resident.id])).toEqual(new Map([[resident.id, { gridId: resident.grid.gridId, communityId: resident.grid.communityId }]]));
});

test('places every dwelling where its building stands, and no household number the survey lacks', async () => {
  const households = population.street.households;
  const placed = await index.placeHouseholds([...households.map((household) => household.id), 'H-NOWHERE']);
  expect(placed).toEqual(
    new Map(
      households.map((household) => {
        const gridId = gridOfBuilding.get(household.buildingId)!;
        return [household.id, { gridId, communityId: communityOf.get(gridId)! }];
      }),
    ),
  );
});

test('refuses a schema name that is not a plain identifier before it reaches SQL', () => {
  expect(() => createJurisdictionIndex({ databaseUrl: db.databaseUrl, schema: 'grid"; DROP TABLE x; --' })).toThrow(/plain identifier/);
});
