import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prepareStandIn, writeStandInData, CIVIL_AFFAIRS_TABLES, type CivilAffairsTables } from '../src/stand-in';
import { withTypo } from './fixtures/citizenIds';
import { population, SAMPLE, samplePopulation, truthResident } from './fixtures/population';
import { dropSchema, randomSchemaName, TEST_DATABASE_URL, withPool } from './fixtures/testSchema';
import { citizenId, fullWidthDigits } from '@resident-graph/test-kit';
import { toFifteenDigitId } from '@resident-graph/schemas';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'civil-affairs-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

async function readTables(): Promise<CivilAffairsTables> {
  const entries = await Promise.all(
    CIVIL_AFFAIRS_TABLES.map(async (table) => {
      const text = await readFile(path.join(dataDir, 'civil-affairs', `${table}.jsonl`), 'utf8');
      return [
        table,
        text
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as unknown),
      ];
    }),
  );
  return Object.fromEntries(entries) as CivilAffairsTables;
}

async function countRows(schema: string): Promise<Record<string, number>> {
  return withPool(async (pool) => {
    const counts: Record<string, number> = {};
    for (const table of CIVIL_AFFAIRS_TABLES) {
      const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}"."${table}"`);
      counts[table] = rows[0]!.n;
    }
    return counts;
  });
}

describe('writeStandInData', () => {
  test('writes the bureau rows with its own codes, keyed as the bureau stores them', async () => {
    await writeStandInData(samplePopulation(), dataDir);
    const tables = await readTables();

    const household = tables.jzcy.filter((row) => row.ajbh === 'DB310115-2019-0001');
    expect(household.map((row) => [row.cyxh, row.sfzh, row.xm, row.cyzt, row.bzje])).toEqual([
      [1, toFifteenDigitId(SAMPLE.legacyHead)!, '王建国', '1', 151_000],
      [2, SAMPLE.variantWife, '李秀瑛', '1', 151_000],
      [3, SAMPLE.son, '王磊', '1', 151_050],
    ]);
    expect(tables.jzaj.find((row) => row.ajbh === 'DB310115-2019-0001')).toEqual({
      ajbh: 'DB310115-2019-0001',
      jzlx: '10',
      sqrxm: '王建国',
      sprq: '2019-04-01',
      xzqhdm: '310115',
    });
    expect(tables.jzaj.find((row) => row.ajbh.startsWith('TK'))?.jzlx).toBe('20');
    expect(tables.jzcy.find((row) => row.ajbh === 'DB310115-2016-0042')?.cyzt).toBe('2');
    expect(tables.jzcy.find((row) => row.ajbh === 'DB310115-2012-0093')?.cyzt).toBe('3');

    expect(tables.cjrz.find((row) => row.xm === '孙慧')).toMatchObject({ sfzh: withTypo(SAMPLE.typo), cjlb: '2', cjdj: '4', fzrq: '2011-11-11' });
    expect(tables.cjrz.find((row) => row.xm === '黄志强')?.sfzh).toBe(` ${fullWidthDigits(SAMPLE.fullWidth)}`);
    expect(tables.gljt).toEqual([{ ffbh: 'GL310115000001', sfzh: SAMPLE.extremeHardship, xm: '赵桂兰', ksrq: '2020-03-01', yje: 150.5 }]);
    expect(tables.yfdx.map((row) => [row.sfzh, row.yflb, row.yflbmc])).toEqual([
      [SAMPLE.veteran, '31', '在乡复员军人'],
      [SAMPLE.divorcee, '99', '参试退役人员'],
    ]);
  });

  test('writes one registration per marriage, with both parties as the bureau holds them', async () => {
    await writeStandInData(samplePopulation(), dataDir);
    const { hydj } = await readTables();
    expect(hydj).toEqual([
      {
        djzh: 'J310115-1982-000001',
        djlx: 'IA',
        djrq: '1982-10-01',
        nfsfzh: toFifteenDigitId(SAMPLE.legacyHead)!,
        nfxm: '王建国',
        nvsfzh: SAMPLE.variantWife,
        nvxm: '李秀瑛',
      },
      { djzh: 'J310115-2001-000001', djlx: 'IA', djrq: '2001-05-01', nfsfzh: SAMPLE.veteran, nfxm: '陈卫东', nvsfzh: withTypo(SAMPLE.typo), nvxm: '孙慧' },
      { djzh: 'L310115-2015-000001', djlx: 'IB', djrq: '2015-09-01', nfsfzh: null, nfxm: '吴刚', nvsfzh: SAMPLE.divorcee, nvxm: '周敏' },
      { djzh: 'J310115-2010-000001', djlx: 'IA', djrq: '2010-05-20', nfsfzh: null, nfxm: '吴刚', nvsfzh: SAMPLE.divorcee, nvxm: '周敏' },
    ]);
  });
});

describe('prepareStandIn', () => {
  const schema = randomSchemaName();
  afterAll(() => dropSchema(schema));

  test('migrates and loads the rows once, however often it runs', async () => {
    await writeStandInData(samplePopulation(), dataDir);
    await prepareStandIn({ databaseUrl: TEST_DATABASE_URL, schema, dataDir });
    const tables = await readTables();
    const expected = Object.fromEntries(CIVIL_AFFAIRS_TABLES.map((table) => [table, tables[table].length]));
    expect(await countRows(schema)).toEqual(expected);
    await prepareStandIn({ databaseUrl: TEST_DATABASE_URL, schema, dataDir });
    expect(await countRows(schema)).toEqual(expected);
    // Analysed once loaded: the planner knows each table's rows (never analysed, reltuples is -1).
    const planned = await withPool(async (pool) => {
      const { rows } = await pool.query<{ relname: string; reltuples: number }>(
        'SELECT c.relname, c.reltuples FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = ANY($2)',
        [schema, [...CIVIL_AFFAIRS_TABLES]],
      );
      return Object.fromEntries(rows.map((row) => [row.relname, row.reltuples]));
    });
    expect(planned).toEqual(expected);
  });

  test('refuses a schema name it would have to quote', async () => {
    await expect(prepareStandIn({ databaseUrl: TEST_DATABASE_URL, schema: 'x"; DROP SCHEMA public; --', dataDir })).rejects.toThrow(/schema name/);
  });
});

test('loads a street of some 30,000 rows in a few seconds', async () => {
  const schema = randomSchemaName();
  const residents = Array.from({ length: 10_000 }, (_, i) => {
    const id = citizenId(`19${50 + Math.floor(i / 1000)}0101`, i % 1000);
    return truthResident({
      id,
      name: `居民${i}`,
      gender: i % 2 === 0 ? 'FEMALE' : 'MALE',
      civilAffairs: {
        allowanceCases: [
          { caseNumber: `DB-${Math.floor(i / 3)}`, kind: 'MINIMUM_LIVING_ALLOWANCE', status: 'ACTIVE', since: '2020-01-01', amountPerMonth: 1510 },
        ],
        disability: { certificateNumber: `CJ-${i}`, category: 'PHYSICAL', grade: 3, issuedOn: '2010-01-01' },
        marriages: [{ registeredOn: '2000-01-01', kind: 'MARRIAGE', spouseName: `配偶${i}`, spouseId: null }],
      },
    });
  });
  await writeStandInData(population(residents), dataDir);
  try {
    const started = Date.now();
    await prepareStandIn({ databaseUrl: TEST_DATABASE_URL, schema, dataDir });
    const elapsed = Date.now() - started;
    const counts = await countRows(schema);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(10_000 * 3 + Math.ceil(10_000 / 3));
    expect(elapsed).toBeLessThan(5_000);
  } finally {
    await dropSchema(schema);
  }
}, 30_000);
