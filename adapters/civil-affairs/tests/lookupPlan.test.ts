import { genericPlanOf } from '@resident-graph/test-kit';
import { lookupStatement } from '../src/readCivilAffairsRows';
import { samplePopulation } from './fixtures/population';
import { standInDatabase, type StandInDatabase } from './fixtures/standInDatabase';
import { withPool } from './fixtures/testSchema';

/**
 * The bureau's tables at `pilot`'s size: a few hundred rows each. A lookup must probe each
 * table by the IDs asked for, not read it whole: the plan a server makes once for the named
 * statement is the one checked.
 */
let database: StandInDatabase;

beforeAll(async () => {
  database = await standInDatabase(samplePopulation());
  const id = `'3101151950' || lpad(n::text, 8, '0')`;
  await withPool(async (pool) => {
    const fill = (sql: string) => pool.query(sql.replaceAll('$s', `"${database.schema}"`));
    await fill(`INSERT INTO $s.jzaj (ajbh, jzlx, sqrxm, sprq, xzqhdm) SELECT 'A' || n, '10', '甲', '2020-01-01', '310115' FROM generate_series(1, 120) n`);
    await fill(
      `INSERT INTO $s.jzcy (ajbh, cyxh, sfzh, xm, cyzt, nrrq, bzje) SELECT 'A' || (n % 120 + 1), n, ${id}, '甲', '1', '2020-01-01', 100 FROM generate_series(1, 350) n`,
    );
    await fill(`INSERT INTO $s.cjrz (czh, sfzh, xm, cjlb, cjdj, fzrq) SELECT 'CZ' || n, ${id}, '甲', '1', '1', '2020-01-01' FROM generate_series(1, 700) n`);
    await fill(`INSERT INTO $s.gljt (ffbh, sfzh, xm, ksrq, yje) SELECT 'FF' || n, ${id}, '甲', '2020-01-01', 300 FROM generate_series(1, 600) n`);
    await fill(
      `INSERT INTO $s.yfdx (yfzh, sfzh, xm, yflb, yflbmc, rdrq) SELECT 'YF' || n, ${id}, '甲', '11', '伤残军人', '2020-01-01' FROM generate_series(1, 50) n`,
    );
    for (const table of ['jzaj', 'jzcy', 'cjrz', 'gljt', 'yfdx']) await fill(`ANALYZE $s.${table}`);
  });
}, 60_000);
afterAll(() => database.remove());

test('a lookup probes the tables by the IDs asked for, whatever IDs it is given', async () => {
  const statement = lookupStatement(database.schema, ['310115195000000007', '310115195000000123']);
  const plan = await genericPlanOf(statement.text, statement.values);
  // Veterans' benefits fit in one page (43 rows on pilot), which the planner rightly reads per ID.
  expect(plan).not.toMatch(/Seq Scan on (jzcy|cjrz|gljt) /);
  expect(plan.match(/Index Scan using (jzcy|cjrz|gljt)_sfzh_idx/g)).toHaveLength(3);
});
