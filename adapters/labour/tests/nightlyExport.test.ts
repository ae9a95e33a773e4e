import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Pool } from 'pg';
import { toFifteenDigitId } from '@resident-graph/schemas';
import { TEST_DATABASE_URL } from '@resident-graph/test-kit';
import { labourAdapters } from './fixtures/labourAdapters';
import { citizenId } from './fixtures/population';
import { tempDir } from './fixtures/tempDir';

const BASE_URL = 'http://labour.test';
const HEADER = ['社保卡号', '公民身份号码', '姓名', '险种代码', '累计缴费月数', '参保状态'];

describe('the nightly export', () => {
  const first = citizenId('19800101', 101);
  const second = citizenId('19810202', 202);
  const server = setupServer(
    http.post(`${BASE_URL}/api/v1/cards/query`, async ({ request }) => {
      const { cardNumbers } = (await request.json()) as { cardNumbers: string[] };
      const result = cardNumbers.map((cardNo) => ({ cardNo, jobStatus: '11', laidOffFlag: '0', unemploymentReg: null, skillCerts: [] }));
      return HttpResponse.json({ retCode: 0, retMsg: '成功', result });
    }),
  );
  let dir: string;
  let remove: () => Promise<void>;
  const adapters = labourAdapters();

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
  });
  afterEach(async () => {
    server.resetHandlers();
    await adapters.release();
    await remove();
  });
  afterAll(() => server.close());

  async function writeExport(name: string, text: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, name), iconv.encode(text, 'gbk'));
  }
  /** The tables of the generations in the adapters' schema, their numbers as N. */
  async function generationTables(): Promise<string[]> {
    const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
    try {
      const { rows } = await pool.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename ~ '_[0-9]+$'", [
        adapters.schema,
      ]);
      return rows.map((row) => row.tablename.replace(/\d+$/, 'N')).sort();
    } finally {
      await pool.end();
    }
  }
  const csv = (rows: string[][]) => stringify([HEADER, ...rows], { record_delimiter: 'windows' });
  const adapter = (exportCheckIntervalMs?: number, exportDir = dir) => adapters.create({ baseUrl: BASE_URL, exportDir, exportCheckIntervalMs });

  it('skips and counts malformed rows, and still answers from the good ones', async () => {
    const good = csv([
      ['C001', first, '甲', '110', '12', '1'],
      ['C001', first, '甲', '310', '12', '2'],
      ['C002', second, '乙', '110', '24', '1'],
    ]);
    const bad = [
      'C003,110101198001010000,丙,110,12',
      `C004,${second},丁,999,12,1`,
      `C005,${second},戊,110,十二,1`,
      `C006,${second},己,110,12,7`,
      `,${second},庚,110,12,1`,
      `C007,   ,辛,110,12,1`,
      `C008,"${second},壬,110,12,1`,
    ].join('\r\n');
    await writeExport('shebao_20260630.csv', `${good}${bad}\r\n`);
    const labour = adapter();

    const answer = await labour.lookup([first, second]);

    expect(answer.get(first)?.record?.insurance).toEqual([
      { type: 'PENSION', paidMonths: 12, active: true },
      { type: 'MEDICAL', paidMonths: 12, active: false },
    ]);
    expect(answer.get(second)?.record?.insurance).toEqual([{ type: 'PENSION', paidMonths: 24, active: true }]);
    expect(labour.exportStats()).toMatchObject({ rows: 3, cards: 2, malformedRows: 7 });
  });

  it('reads the newest export, and a newer one no sooner than the check interval', async () => {
    await writeExport('shebao_20260629.csv', csv([['OLD', first, '甲', '110', '1', '1']]));
    await writeExport('shebao_20260630.csv', csv([['C001', first, '甲', '110', '12', '1']]));
    const labour = adapter(60_000);
    expect((await labour.lookup([first])).get(first)?.record?.socialSecurityCardNumber).toBe('C001');

    await writeExport('shebao_20260701.csv', csv([['C101', first, '甲', '110', '13', '1']]));
    expect((await labour.lookup([first])).get(first)?.record?.socialSecurityCardNumber).toBe('C001');
    expect(labour.exportStats()?.file).toBe(path.join(dir, 'shebao_20260630.csv'));

    await labour.refreshExport();
    expect((await labour.lookup([first])).get(first)?.record).toMatchObject({
      socialSecurityCardNumber: 'C101',
      insurance: [{ type: 'PENSION', paidMonths: 13, active: true }],
    });
  });

  it('picks up a newer export in the background once the interval has passed', async () => {
    await writeExport('shebao_20260630.csv', csv([['C001', first, '甲', '110', '12', '1']]));
    const labour = adapter(0);
    await labour.lookup([first]);
    await writeExport('shebao_20260701.csv', csv([['C101', first, '甲', '110', '13', '1']]));

    await labour.lookup([first]);
    for (let waited = 0; !labour.exportStats()?.file.endsWith('shebao_20260701.csv') && waited < 2_000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    expect((await labour.lookup([first])).get(first)?.record?.socialSecurityCardNumber).toBe('C101');
  });

  it('keeps the loaded export when a newer one cannot be read', async () => {
    await writeExport('shebao_20260630.csv', csv([['C001', first, '甲', '110', '12', '1']]));
    const labour = adapter();
    await labour.lookup([first]);
    await writeExport('shebao_20260701.csv', 'card,id\r\nC101,x\r\n');

    await expect(labour.refreshExport()).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE' });
    expect((await labour.lookup([first])).get(first)?.record?.socialSecurityCardNumber).toBe('C001');
    // The refused file's tables are gone: one generation of cards is left, the one in use.
    expect(await generationTables()).toEqual(['card_N', 'typo_candidate_N']);
  });

  it('stops an ingest under way when closed, and leaves none of its tables', async () => {
    const filler = Array.from({ length: 50_000 }, (_, row) => [`F${row}`, second, '乙', '110', '1', '1']);
    await writeExport('shebao_20260630.csv', csv(filler));
    const labour = adapter();
    const ingesting = labour.refreshExport();
    while ((await generationTables()).length === 0) await new Promise((resolve) => setTimeout(resolve, 10));

    await labour.close();
    await expect(ingesting).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', cause: new Error('the labour export store is closing') });
    expect(await generationTables()).toEqual([]);
  }, 30_000);

  it("gives the planner the ingested generation's row counts (ANALYZE) before lookups read it", async () => {
    await writeExport(
      'shebao_20260630.csv',
      csv([
        ['C001', first, '甲', '110', '12', '1'],
        ['C002', second, '乙', '110', '3', '1'],
      ]),
    );
    await adapter().lookup([first]);

    const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
    try {
      // Never analysed, a table's reltuples is -1 and the planner assumes a size of its own.
      const { rows } = await pool.query<{ relname: string; reltuples: number }>(
        "SELECT c.relname, c.reltuples FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname ~ '^card_[0-9]+$'",
        [adapters.schema],
      );
      expect(rows.map((row) => row.reltuples)).toEqual([2]);
    } finally {
      await pool.end();
    }
  });

  it('remembers the export it ingested: started again, it answers from the database without the file', async () => {
    await writeExport('shebao_20260630.csv', csv([['C001', first, '甲', '110', '12', '1']]));
    await adapter().lookup([first]);
    await rm(path.join(dir, 'shebao_20260630.csv'));

    const restarted = adapter();
    expect((await restarted.lookup([first])).get(first)?.record?.socialSecurityCardNumber).toBe('C001');
    expect(restarted.exportStats()).toEqual({ file: path.join(dir, 'shebao_20260630.csv'), rows: 1, cards: 1, malformedRows: 0 });
  });

  it('answers from the export in use while a newer one is being ingested', async () => {
    await writeExport('shebao_20260630.csv', csv([['C001', first, '甲', '110', '12', '1']]));
    const labour = adapter();
    await labour.lookup([first]);
    // Enough rows that the ingest takes far longer than a lookup.
    const filler = Array.from({ length: 20_000 }, (_, row) => [`F${row}`, second, '乙', '110', '1', '1']);
    await writeExport('shebao_20260701.csv', csv([['C101', first, '甲', '110', '13', '1'], ...filler]));

    const ingesting = labour.refreshExport();
    expect((await labour.lookup([first])).get(first)?.record?.socialSecurityCardNumber).toBe('C001');
    await ingesting;
    expect((await labour.lookup([first])).get(first)?.record?.socialSecurityCardNumber).toBe('C101');
    expect(labour.exportStats()).toMatchObject({ rows: 20_001, cards: 20_001 });
    // Statistics read the stored IDs a page at a time: every card's, once.
    const storedIds: string[] = [];
    for await (const storedId of labour.storedIds()) storedIds.push(storedId);
    expect(storedIds).toHaveLength(20_001);
    expect(new Set(storedIds)).toEqual(new Set([first, second]));
  }, 30_000);

  it("publishes a fresh adapter's issues once its first export is ingested", async () => {
    const id15 = toFifteenDigitId(first)!;
    await writeExport('shebao_20260630.csv', csv([['C900', id15, '甲', '110', '200', '2']]));
    expect(await adapter().issuesByResident()).toEqual(
      new Map([[first, [{ department: 'labour', kind: 'LEGACY_15_DIGIT_ID', storedId: id15, recordReference: 'C900', nameOnRecord: '甲' }]]]),
    );
  });

  it('is unavailable while there is no export to read', async () => {
    await expect(adapter().lookup([first])).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
    await expect(adapter(undefined, path.join(dir, 'missing')).lookup([first])).rejects.toMatchObject({
      code: 'DEPARTMENT_UNAVAILABLE',
    });
  });

  it("gathers a card's rows wherever they are in the file, in file order, its first row saying what it stores", async () => {
    // More cards between them than go to the database at once.
    const between = Array.from({ length: 6_000 }, (_, row) => [`F${row}`, second, '乙', '110', '1', '1']);
    await writeExport(
      'shebao_20260630.csv',
      csv([
        ['C001', first, '甲', '310', '12', '1'],
        ...between,
        ['C001', toFifteenDigitId(first)!, '甲乙', '110', '24', '2'],
        ['C001', first, '甲', '', '', ''],
      ]),
    );
    const answer = (await adapter().lookup([first])).get(first);
    expect(answer?.record?.insurance).toEqual([
      { type: 'MEDICAL', paidMonths: 12, active: true },
      { type: 'PENSION', paidMonths: 24, active: false },
    ]);
    expect(answer?.issues).toEqual([]);
  }, 30_000);

  it('reads columns by their titles, whatever their order', async () => {
    const reordered = [HEADER[1]!, HEADER[0]!, ...HEADER.slice(2)];
    await writeExport('shebao_20260630.csv', stringify([reordered, [first, 'C001', '甲', '510', '7', '1']]));
    const answer = await adapter().lookup([first]);
    expect(answer.get(first)?.record).toMatchObject({ socialSecurityCardNumber: 'C001', insurance: [{ type: 'MATERNITY', paidMonths: 7, active: true }] });
  });

  it('merges the rows of two cards held by one resident, the card the API knows speaking for employment', async () => {
    const id15 = toFifteenDigitId(first)!;
    await writeExport(
      'shebao_20260630.csv',
      csv([
        ['C001', first, '甲', '310', '12', '1'],
        ['C900', id15, '甲', '110', '200', '2'],
      ]),
    );
    server.use(
      http.post(`${BASE_URL}/api/v1/cards/query`, () =>
        HttpResponse.json({
          retCode: 0,
          retMsg: '成功',
          result: [{ cardNo: 'C900', jobStatus: '31', laidOffFlag: '0', unemploymentReg: null, skillCerts: [] }],
        }),
      ),
    );
    const answer = (await adapter().lookup([first])).get(first);
    expect(answer?.record).toMatchObject({
      socialSecurityCardNumber: 'C900',
      employmentStatus: 'RETIRED',
      insurance: [
        { type: 'MEDICAL', paidMonths: 12, active: true },
        { type: 'PENSION', paidMonths: 200, active: false },
      ],
    });
    expect(answer?.issues).toEqual([{ department: 'labour', kind: 'LEGACY_15_DIGIT_ID', storedId: id15, recordReference: 'C900', nameOnRecord: '甲' }]);
  });
});
