import { PrismaPg } from '@prisma/adapter-pg';
import { placementStatement } from '@resident-graph/subgraph-kit';
import { genericPlanOf } from '@resident-graph/test-kit';
import { Prisma, PrismaClient } from '../src/generated/prisma/client';
import { residentQueries } from '../src/residentQueries';
import { makePopulation } from './fixtures/population';
import { seededDatabase } from './fixtures/seededDatabase';

let db: Awaited<ReturnType<typeof seededDatabase>>;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await seededDatabase(makePopulation(), 'grid_query_plans');
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.databaseUrl }, { schema: db.name }) });
  // A street's worth of residents (valid 15-digit IDs) in 20 more grids of about a thousand each, analysed as the stand-in's load is.
  const fill = (sql: string) => prisma.$executeRawUnsafe(sql.replaceAll('$s', `"${db.name}"`));
  await fill(
    `INSERT INTO $s.grid (id, community_id, name, area_square_metres) SELECT 'G-FILL-' || n, (SELECT community_id FROM $s.grid LIMIT 1), '填充', 1 FROM generate_series(1, 20) n`,
  );
  await fill(
    `INSERT INTO $s.building (id, grid_id, name, compound_kind) SELECT 'B-FILL-' || n, 'G-FILL-' || (n % 20 + 1), '填充', '物管' FROM generate_series(1, 200) n`,
  );
  await fill(`INSERT INTO $s.household (id, building_id, address, registered)
    SELECT 'H-FILL-' || n, 'B-FILL-' || (n % 200 + 1), 'filler ' || n, true FROM generate_series(1, 5000) n`);
  await fill(`INSERT INTO $s.resident (citizen_id, name, household_id)
    SELECT '31011580' || lpad(((n / 1000) % 12 + 1)::text, 2, '0') || lpad(((n / 40) % 28 + 1)::text, 2, '0') || lpad((n % 1000)::text, 3, '0'),
      '填充', 'H-FILL-' || (n % 5000 + 1) FROM generate_series(1, 20000) n`);
  await fill(`ANALYZE $s.resident`);
  await fill(`ANALYZE $s.household`);
  await fill(`ANALYZE $s.building`);
}, 60_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

const planOf = async (statement: Prisma.Sql) =>
  (await prisma.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${statement}`)).map((row) => row['QUERY PLAN']);
/** The plan a named statement is made once with on a PostgreSQL server (test-kit `genericPlanOf`). */
const genericPlanLinesOf = async (statement: Prisma.Sql) => (await genericPlanOf(statement.text, statement.values, db.databaseUrl)).split('\n');
const scansOf = (plan: string[], table: string) => plan.filter((line) => line.includes(`Seq Scan on ${table} `));

test("a roster page reads its residents' records by key, not by reading every resident", async () => {
  const plan = await planOf(residentQueries(db.name).roster('G-FILL-1', 0, 101));
  expect(plan.some((line) => /Index Scan using resident_pkey/.test(line))).toBe(true);
  // Listing the grid's own households may scan them (a twentieth of the table here); its residents are read by key.
  expect(scansOf(plan, 'resident')).toEqual([]);
});

test("the jurisdiction index places a page's hundred residents by key, not by reading every resident and household", async () => {
  const page = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT canonical_citizen_id AS id FROM "${db.name}".resident WHERE canonical_citizen_id IS NOT NULL ORDER BY md5(citizen_id) LIMIT 100`,
  );
  const statement = placementStatement(db.name, 'resident_placement', 'citizen_id');
  const plan = await planOf(Prisma.sql`${Prisma.raw(statement.replace('$1::text[]', `'{${page.map((row) => row.id).join(',')}}'::text[]`))}`);
  expect(plan.some((line) => /Index Scan using resident_canonical_citizen_id_idx/.test(line))).toBe(true);
  expect([...scansOf(plan, 'resident'), ...scansOf(plan, 'household')]).toEqual([]);
});

test('the plans a PostgreSQL server makes once for these named statements read by key too, whatever the keys', async () => {
  const queries = residentQueries(db.name);
  const roster = await genericPlanLinesOf(queries.roster('G-FILL-1', 0, 101));
  expect(roster.some((line) => /Index Scan using resident_pkey/.test(line))).toBe(true);
  expect(scansOf(roster, 'resident')).toEqual([]);
  const lookup = await genericPlanLinesOf(queries.lookup(['310115800101001X', '310115198001010011']));
  expect(scansOf(lookup, 'resident')).toEqual([]);
  const placement = (await genericPlanOf(placementStatement(db.name, 'resident_placement', 'citizen_id'), [['310115198001010011']], db.databaseUrl)).split(
    '\n',
  );
  expect(placement.some((line) => /Index Scan using resident_canonical_citizen_id_idx/.test(line))).toBe(true);
  expect([...scansOf(placement, 'resident'), ...scansOf(placement, 'household')]).toEqual([]);
});
