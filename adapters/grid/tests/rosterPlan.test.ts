import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '../src/generated/prisma/client';
import { residentQueries } from '../src/residentQueries';
import { makePopulation } from './fixtures/population';
import { seededDatabase } from './fixtures/seededDatabase';

let db: Awaited<ReturnType<typeof seededDatabase>>;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await seededDatabase(makePopulation(), 'grid_roster_plan');
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.databaseUrl }, { schema: db.name }) });
  // A street's worth of residents (valid 15-digit IDs) in 20 more grids of about a thousand each, analysed as the stand-in's load is.
  const fill = (sql: string) => prisma.$executeRawUnsafe(sql.replaceAll('$s', `"${db.name}"`));
  await fill(`INSERT INTO $s.grid (id, community_id, name, area_square_metres) SELECT 'G-FILL-' || n, (SELECT community_id FROM $s.grid LIMIT 1), '填充', 1 FROM generate_series(1, 20) n`);
  await fill(`INSERT INTO $s.building (id, grid_id, name, compound_kind) SELECT 'B-FILL-' || n, 'G-FILL-' || (n % 20 + 1), '填充', '物管' FROM generate_series(1, 200) n`);
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

test("a roster page reads its residents' records by key, not by reading every resident", async () => {
  const plan = await prisma.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${residentQueries(db.name).roster('G-FILL-1', 0, 101)}`);
  const lines = plan.map((row) => row['QUERY PLAN']);
  expect(lines.some((line) => /Index Scan using resident_pkey/.test(line))).toBe(true);
  expect(lines.filter((line) => /Seq Scan on resident\b/.test(line))).toEqual([]);
});
