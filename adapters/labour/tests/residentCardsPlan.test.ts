import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { Pool } from 'pg';
import { createLogger } from '@resident-graph/service-kit';
import { dropTestSchema, genericPlanOf, TEST_DATABASE_URL, testSchemaName } from '@resident-graph/test-kit';
import { LabourExportStore, residentCardsStatement } from '../src/export/LabourExportStore';
import { storeTables } from '../src/export/storeTables';
import { citizenId } from './fixtures/population';
import { tempDir } from './fixtures/tempDir';

/**
 * The export as `pilot` leaves it, in size and shape: 12,000 cards, 1,540 valid IDs a typo
 * away from one of 110 unreadable ones. A lookup must probe the candidates by ID, not read them all: the plan a
 * server makes once for the named statement is the one checked.
 */
const schema = testSchemaName('labour_plan');
const store = new LabourExportStore({ databaseUrl: TEST_DATABASE_URL, schema });
const holder = citizenId('19800101', 101);
// One digit off: the check digit no longer fits, and the holder's ID is the one valid ID a typo away.
const mistyped = `${holder.slice(0, 14)}${(Number(holder[14]) + 1) % 10}${holder.slice(15)}`;
let removeDir: () => Promise<void>;

beforeAll(async () => {
  const dir = await tempDir();
  removeDir = dir.remove;
  const file = path.join(dir.dir, 'shebao_20260630.csv');
  const header = ['社保卡号', '公民身份号码', '姓名', '险种代码', '累计缴费月数', '参保状态'];
  await writeFile(
    file,
    iconv.encode(
      stringify([header, ['C001', holder, '甲', '110', '12', '1'], ['C002', mistyped, '甲', '110', '3', '1']], { record_delimiter: 'windows' }),
      'gbk',
    ),
  );
  await store.ingest(file, createLogger('labour-plan-test'));
  const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  try {
    // As pilot's export: 12,000 cards, 110 of them under an unreadable ID with 14 candidates each.
    await pool.query(
      `INSERT INTO "${schema}".card_1 (owner, citizen_id, card_number, stored_id, name_on_record, legacy, insurance, first_line)
       SELECT '3101151960' || lpad(n::text, 8, '0'), '3101151960' || lpad(n::text, 8, '0'), 'K' || n, '3101151960' || lpad(n::text, 8, '0'), '乙', false, '[]', n + 10
       FROM generate_series(1, 12000) n`,
    );
    await pool.query(
      `INSERT INTO "${schema}".typo_candidate_1 (citizen_id, stored_id, card_number)
       SELECT '3101151970' || lpad((s * 14 + k)::text, 8, '0'), 'S' || s, 'K' || s FROM generate_series(1, 110) s, generate_series(1, 14) k`,
    );
    await pool.query(`ANALYZE "${schema}".card_1`);
    await pool.query(`ANALYZE "${schema}".typo_candidate_1`);
  } finally {
    await pool.end();
  }
}, 60_000);

afterAll(async () => {
  await store.close();
  await dropTestSchema(schema);
  await removeDir();
});

test("a lookup probes the typo candidates by the residents' IDs, whatever IDs it is given", async () => {
  const plan = await genericPlanOf(residentCardsStatement(storeTables(schema)), [[holder, '310115197000000001']]);
  expect(plan).not.toMatch(/Seq Scan on typo_candidate_1/);
  expect(plan).toMatch(/Index (Only )?Scan using typo_candidate_1_pkey on typo_candidate_1/);
});

test('the statement answers the cards under the ID and the card one typo away', async () => {
  const answer = (await store.residents([holder])).get(holder);
  expect(answer?.cards.map((card) => card.cardNumber)).toEqual(['C001']);
  expect(answer?.issues).toEqual([expect.objectContaining({ kind: 'INVALID_CITIZEN_ID', storedId: mistyped, recordReference: 'C002' })]);
});
