import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prepareStandIn, writeStandInData } from '@resident-graph/adapter-grid/stand-in';
import { fifteenDigit, ids, makePopulation, mistyped, oddlyFormatted } from './fixtures/population';
import { testSchema, TEST_DATABASE_URL } from './fixtures/testDatabase';

const population = makePopulation();
const db = testSchema('grid_standin');
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'grid-stand-in-'));
  await writeStandInData(population, dataDir);
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await db.drop();
});

async function seedRows(table: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path.join(dataDir, 'grid', `${table}.jsonl`), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('writeStandInData', () => {
  test('writes each table as JSON lines in the survey vocabulary', async () => {
    expect(await seedRows('resident')).toHaveLength(population.residents.length);
    expect(await seedRows('household')).toHaveLength(population.street.households.length);
    const buildings = await seedRows('building');
    expect(buildings.map((b) => b.compound_kind)).toEqual(['物管', '自管', '庭院', '单位']);
    const categories = await seedRows('resident_category');
    expect(categories).toHaveLength(population.residents.reduce((n, r) => n + r.grid.categories.length, 0));
    expect(categories.filter((c) => c.category === '老年')).toHaveLength(3);
    expect(await seedRows('grid_worker_grid')).toEqual([
      { grid_worker_id: 'W01', grid_id: 'G01' },
      { grid_worker_id: 'W01', grid_id: 'G02' },
      { grid_worker_id: 'W02', grid_id: 'G03' },
      { grid_worker_id: 'W03', grid_id: 'G01' },
    ]);
  });

  test("applies the grid department's imperfections to stored IDs and names", async () => {
    const residents = await seedRows('resident');
    const stored = new Map(population.residents.map((r, i) => [r.id, residents[i]!]));
    expect(stored.get(ids.plain)).toMatchObject({ citizen_id: ids.plain, name: '张伟', household_id: '310115000101' });
    expect(stored.get(ids.legacy)?.citizen_id).toBe(fifteenDigit(ids.legacy));
    expect(stored.get(ids.formatted)?.citizen_id).toBe(oddlyFormatted(ids.formatted));
    expect(stored.get(ids.mistyped)?.citizen_id).toBe(mistyped(ids.mistyped));
    expect(stored.get(ids.renamed)).toMatchObject({ citizen_id: ids.renamed, name: '黃國華' });
  });
});

describe('prepareStandIn', () => {
  test('migrates and loads an empty database once', async () => {
    const options = { databaseUrl: TEST_DATABASE_URL, schema: db.name, dataDir };
    await expect(prepareStandIn(options)).resolves.toEqual({ loaded: true });
    await expect(prepareStandIn(options)).resolves.toEqual({ loaded: false });

    const count = async (table: string) => (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${db.name}"."${table}"`)).rows[0]!.n;
    for (const table of ['street', 'community', 'grid', 'building', 'household', 'resident', 'resident_category', 'grid_worker', 'grid_worker_grid']) {
      expect([table, await count(table)]).toEqual([table, (await seedRows(table)).length]);
    }
    const { rows } = await db.pool.query<{ canonical: string | null }>(`SELECT canonical_citizen_id AS canonical FROM "${db.name}".resident ORDER BY id`);
    // Every stored ID but the mistyped one resolves to the resident's own ID.
    expect(rows.map((row) => row.canonical)).toEqual(population.residents.map((r) => (r.id === ids.mistyped ? null : r.id)));
  });

  test('numbers rows added later after the loaded ones', async () => {
    const { rows } = await db.pool.query<{ id: number }>(
      `INSERT INTO "${db.name}".resident (citizen_id, name, household_id) VALUES ($1, '新居民', '310115000101') RETURNING id`,
      [ids.unknown],
    );
    expect(rows[0]!.id).toBe(population.residents.length + 1);
  });

  test('refuses a data directory without the seed, leaving the database empty', async () => {
    const empty = testSchema('grid_standin_empty');
    try {
      await expect(prepareStandIn({ databaseUrl: TEST_DATABASE_URL, schema: empty.name, dataDir: path.join(dataDir, 'nowhere') })).rejects.toThrow(/seed file/);
      const { rows } = await empty.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${empty.name}".street`);
      expect(rows[0]!.n).toBe(0);
    } finally {
      await empty.drop();
    }
  });
});
