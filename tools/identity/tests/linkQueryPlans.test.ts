import { Pool } from 'pg';
import { IdentityMatcher, runLinkBatch } from '../src';
import { residentLinksStatement } from '../src/links/createLinkStore';
import { genericPlanOf } from '@resident-graph/test-kit';
import { TEST_DATABASE_URL, useTestLinkStore } from './fixtures/testLinkStore';

/**
 * The link table as a district leaves it: 20,000 labour candidates (every tenth linked) and
 * 5,000 name variants, analysed as the batch leaves it. A lookup must read a resident's rows
 * by `(department, resident_id)`, not every row of the department.
 */
const linkStore = useTestLinkStore();
const { schema } = linkStore;
let pool: Pool;

/** A valid-looking 18-character resident ID, distinct for each n. */
const residentOf = (n: number) => `3101151980${String(n).padStart(8, '0')}`;

beforeAll(async () => {
  pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  await pool.query(
    `INSERT INTO "${schema}".record_candidate (department, stored_id, resident_id, record_reference, grade, evidence, reason, state, decided_by, decided_at)
     SELECT 'labour', 'S' || n, '3101151980' || lpad(n::text, 8, '0'), 'R' || n, 'CERTAIN', '{}', 'typo',
       CASE WHEN n % 10 = 0 THEN 'LINKED' ELSE 'PENDING' END, CASE WHEN n % 10 = 0 THEN 'identity-batch' END, CASE WHEN n % 10 = 0 THEN now() END
     FROM generate_series(1, 20000) n`,
  );
  await pool.query(
    `INSERT INTO "${schema}".name_variant (department, stored_id, resident_id, record_reference, name_on_record, registered_name)
     SELECT 'labour', 'V' || n, '3101151980' || lpad(n::text, 8, '0'), 'R' || n, '張偉', '张伟' FROM generate_series(1, 5000) n`,
  );
  // A batch over nothing still leaves the tables analysed.
  await runLinkBatch({ department: 'labour', records: [], matcher: new IdentityMatcher([]), store: linkStore.store() });
}, 60_000);
afterAll(() => pool.end());

test('a batch run leaves the link table analysed', async () => {
  const { rows } = await pool.query<{ relname: string; analysed: boolean }>(
    `SELECT relname, last_analyze IS NOT NULL AS analysed FROM pg_stat_user_tables WHERE schemaname = $1 ORDER BY relname`,
    [schema],
  );
  expect(rows.filter((row) => row.relname !== 'schema_migrations')).toEqual([
    { relname: 'name_variant', analysed: true },
    { relname: 'record_candidate', analysed: true },
    { relname: 'record_link_decision', analysed: true },
  ]);
});

test("a lookup reads its residents' links by resident, in every part of the statement", async () => {
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${residentLinksStatement(schema)}`, [
    'labour',
    [residentOf(10), residentOf(11), residentOf(12)],
  ]);
  const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
  expect(plan).not.toMatch(/Seq Scan on (record_candidate|name_variant) /);
  expect(plan.match(/Index Cond: \(\(department = 'labour'::text\) AND \(resident_id = ANY/g)).toHaveLength(3);
  expect(plan).not.toMatch(/\(resident_id\)::text/);
});

test('so does the plan a named statement is made once with (a PostgreSQL server), whatever the residents asked for', async () => {
  const plan = await genericPlanOf(residentLinksStatement(schema), ['labour', [residentOf(10), residentOf(11)]]);
  expect(plan).not.toMatch(/Seq Scan on (record_candidate|name_variant) /);
  expect(plan.match(/Index Cond: \(\(department = \$1\) AND \(resident_id = ANY \(\$2\)\)\)/g)).toHaveLength(3);
});

test('the statement answers what the rows hold', async () => {
  const links = await linkStore.store().residentLinksOf('labour', [residentOf(10), residentOf(11)]);
  expect(links.linked.map((link) => link.storedId)).toEqual(['S10']);
  expect(links.open.map((link) => link.storedId)).toEqual(['S11']);
  expect(links.nameVariants.map((variant) => variant.storedId)).toEqual(['V10', 'V11']);
});
