import { DepartmentError } from '@resident-graph/adapter-kit';
import { toFifteenDigitId, type Population, type TruthResident } from '@resident-graph/schemas';
import { createCivilAffairsAdapter, type CivilAffairsAdapter, type CivilAffairsRecord } from '../src';
import { withTypo } from './fixtures/citizenIds';
import { SAMPLE, samplePopulation } from './fixtures/population';
import { standInDatabase, type StandInDatabase } from './fixtures/standInDatabase';
import { withPool } from './fixtures/testSchema';
import { citizenId } from '@resident-graph/test-kit';

const population = samplePopulation();
let database: StandInDatabase;
let adapter: CivilAffairsAdapter;

beforeAll(async () => {
  database = await standInDatabase(population);
  adapter = createCivilAffairsAdapter({ databaseUrl: database.databaseUrl, schema: database.schema });
});
afterAll(async () => {
  await adapter.close();
  await database.remove();
});

const resident = (id: string): TruthResident => population.residents.find((r) => r.id === id)!;

/** The spouse as the registration holds them: a name variant where the truth lists one, no ID where theirs is mistyped. */
function spouseOnRecord(people: Population, marriage: CivilAffairsRecord['marriages'][number]) {
  const flaws = people.residents.find((r) => r.id === marriage.spouseId)?.imperfections.filter((i) => i.department === 'civil-affairs') ?? [];
  const variant = flaws.find((i) => i.kind === 'NAME_VARIANT');
  return {
    spouseName: variant?.kind === 'NAME_VARIANT' ? variant.storedName : marriage.spouseName,
    spouseId: flaws.some((i) => i.kind === 'ID_TYPO') ? null : marriage.spouseId,
  };
}

/** The truth's facts in the adapter's order (cases by date, marriages by date), spouses as on record; no change reported yet, so no case under review. */
function expectedRecord(people: Population, truth: TruthResident): CivilAffairsRecord | null {
  const facts = truth.civilAffairs;
  if (!facts) return null;
  return {
    ...facts,
    allowanceCases: [...facts.allowanceCases].sort((a, b) => a.since.localeCompare(b.since)).map((allowanceCase) => ({ ...allowanceCase, reviews: [] })),
    marriages: [...facts.marriages]
      .sort((a, b) => a.registeredOn.localeCompare(b.registeredOn))
      .map((marriage) => ({ ...marriage, ...spouseOnRecord(people, marriage) })),
  };
}

test('answers every resident with the facts of the truth, in one call', async () => {
  const ids = population.residents.map((r) => r.id);
  const before = adapter.callsMade();
  const answer = await adapter.lookup(ids);
  expect(adapter.callsMade() - before).toBe(1);
  expect([...answer.keys()].sort()).toEqual([...ids].sort());
  for (const truth of population.residents.filter((r) => r.id !== SAMPLE.typo)) {
    expect({ id: truth.id, record: answer.get(truth.id)!.record }).toEqual({ id: truth.id, record: expectedRecord(population, truth) });
  }
});

test('matches rows keyed by the 15-digit form and reports each as a legacy ID', async () => {
  const lookup = (await adapter.lookup([SAMPLE.legacyHead])).get(SAMPLE.legacyHead)!;
  expect(lookup.record?.allowanceCases.map((c) => c.caseNumber)).toEqual(['DB310115-2019-0001']);
  expect(lookup.issues).toEqual(
    expect.arrayContaining([
      {
        department: 'civil-affairs',
        kind: 'LEGACY_15_DIGIT_ID',
        storedId: toFifteenDigitId(SAMPLE.legacyHead)!,
        recordReference: 'DB310115-2019-0001',
        nameOnRecord: '王建国',
      },
      expect.objectContaining({ kind: 'LEGACY_15_DIGIT_ID', recordReference: expect.stringMatching(/^J310115-1982-/) }),
    ]),
  );
  expect(lookup.issues).toHaveLength(2);
  const wife = (await adapter.lookup([SAMPLE.variantWife])).get(SAMPLE.variantWife)!;
  expect(wife.record?.marriages[0]?.spouseId).toBe(SAMPLE.legacyHead);
  expect(wife.issues).toEqual([]);
});

test('matches a 15-digit row written after the last ID scan', async () => {
  const id = citizenId('19451010', 91);
  await withPool((pool) =>
    pool.query(`INSERT INTO "${database.schema}".gljt VALUES ('GL310115999999', $1, '钱老伯', '2025-10-10', 200.00)`, [toFifteenDigitId(id)!]),
  );
  const lookup = (await adapter.lookup([id])).get(id)!;
  expect(lookup.record?.elderlyAllowance).toEqual({ since: '2025-10-10', amountPerMonth: 200 });
  expect(lookup.issues).toEqual([expect.objectContaining({ kind: 'LEGACY_15_DIGIT_ID', recordReference: 'GL310115999999' })]);
});

test('a registration comes back once however long the list of IDs', async () => {
  const ids = Array.from({ length: 20_000 }, (_, i) => citizenId(`20${String(10 + Math.floor(i / 1000)).padStart(2, '0')}0101`, i % 1000));
  const [husband, wife] = [ids[0]!, ids.at(-1)!];
  await withPool((pool) =>
    pool.query(`INSERT INTO "${database.schema}".hydj VALUES ('J310115-2030-000001', 'IA', '2030-01-01', $1, '甲', $2, '乙')`, [husband, wife]),
  );
  const answer = await adapter.lookup(ids);
  expect(answer.get(husband)!.record?.marriages).toEqual([{ registeredOn: '2030-01-01', kind: 'MARRIAGE', spouseName: '乙', spouseId: wife }]);
  expect(answer.get(wife)!.record?.marriages).toHaveLength(1);
  // A correctness check over 20,000 IDs, not a timing one: a busy machine may take over 5 s.
}, 30_000);

test('never merges a row whose stored ID fails its check digit, and reports it', async () => {
  const truth = resident(SAMPLE.typo);
  const lookup = (await adapter.lookup([SAMPLE.typo])).get(SAMPLE.typo)!;
  expect(lookup.record).toBeNull();
  const issue = { department: 'civil-affairs', kind: 'INVALID_CITIZEN_ID', storedId: withTypo(SAMPLE.typo), nameOnRecord: truth.name };
  expect(lookup.issues).toEqual([
    { ...issue, recordReference: truth.civilAffairs!.disability!.certificateNumber },
    { ...issue, recordReference: expect.stringMatching(/^J310115-2001-/) },
  ]);
  const spouse = (await adapter.lookup([SAMPLE.veteran])).get(SAMPLE.veteran)!;
  expect(spouse.record?.marriages).toEqual([{ registeredOn: '2001-05-01', kind: 'MARRIAGE', spouseName: truth.name, spouseId: null }]);
});

test('answers a resident the bureau does not know with no record and no issues', async () => {
  expect((await adapter.lookup([SAMPLE.nothingOnRecord])).get(SAMPLE.nothingOnRecord)).toEqual({ record: null, issues: [] });
});

test('finds rows with an invalid stored ID added after start once the ID scan runs again', async () => {
  const late = withTypo(SAMPLE.veteran);
  await withPool((pool) => pool.query(`INSERT INTO "${database.schema}".cjrz VALUES ('LATE-0001', $1, '陈卫东', '4', '3', '2026-01-05')`, [late]));
  expect((await adapter.lookup([SAMPLE.veteran])).get(SAMPLE.veteran)!.issues).toEqual([]);
  await adapter.refreshIdIndex();
  const issues = (await adapter.lookup([SAMPLE.veteran])).get(SAMPLE.veteran)!.issues;
  expect(issues).toEqual([expect.objectContaining({ kind: 'INVALID_CITIZEN_ID', storedId: late, recordReference: 'LATE-0001' })]);
});

test('a code the bureau never defined is a bad response, not a silent guess', async () => {
  await withPool((pool) => pool.query(`UPDATE "${database.schema}".jzcy SET cyzt = '9' WHERE ajbh = 'DB310115-2016-0042'`));
  try {
    await expect(adapter.lookup([SAMPLE.divorcee])).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE', department: 'civil-affairs' });
    expect((await adapter.lookup([SAMPLE.veteran])).get(SAMPLE.veteran)!.record?.veteranBenefit).not.toBeNull();
  } finally {
    await withPool((pool) => pool.query(`UPDATE "${database.schema}".jzcy SET cyzt = '2' WHERE ajbh = 'DB310115-2016-0042'`));
  }
});

test('a lookup blocked past its time limit fails with DEPARTMENT_TIMEOUT', async () => {
  const slow = createCivilAffairsAdapter({ databaseUrl: database.databaseUrl, schema: database.schema, timeoutMs: 200 });
  await slow.refreshIdIndex();
  await withPool(async (pool) => {
    const locker = await pool.connect();
    try {
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE "${database.schema}".jzcy IN ACCESS EXCLUSIVE MODE`);
      await expect(slow.lookup([SAMPLE.son])).rejects.toMatchObject({ code: 'DEPARTMENT_TIMEOUT' });
      await locker.query('ROLLBACK');
    } finally {
      locker.release();
    }
  });
  await slow.close();
});

test('an unreachable database fails lookups and health checks with DEPARTMENT_UNAVAILABLE', async () => {
  const down = createCivilAffairsAdapter({ databaseUrl: 'postgresql://postgres@127.0.0.1:1/test', schema: database.schema, timeoutMs: 500 });
  try {
    const failure = await down.lookup([SAMPLE.son]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DepartmentError);
    expect(failure).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', message: expect.not.stringContaining('\n') });
    await expect(down.checkHealth()).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
    await expect(adapter.checkHealth()).resolves.toBeUndefined();
  } finally {
    await down.close();
  }
});

test('a database without the bureau tables is a bad response', async () => {
  const elsewhere = createCivilAffairsAdapter({ databaseUrl: database.databaseUrl, schema: 'no_such_schema' });
  try {
    await expect(elsewhere.lookup([SAMPLE.son])).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE' });
  } finally {
    await elsewhere.close();
  }
});

test('a bureau table without a column the lookup reads is a bad response naming it, not an internal error', async () => {
  await withPool((pool) => pool.query(`ALTER TABLE "${database.schema}".yfdx RENAME COLUMN yflbmc TO yflbmc_old`));
  try {
    await expect(adapter.lookup([SAMPLE.veteran])).rejects.toMatchObject({
      code: 'DEPARTMENT_BAD_RESPONSE',
      department: 'civil-affairs',
      message: expect.stringContaining('yflbmc'),
    });
  } finally {
    await withPool((pool) => pool.query(`ALTER TABLE "${database.schema}".yfdx RENAME COLUMN yflbmc_old TO yflbmc`));
  }
});

test('scans the stored IDs again by itself every idScanIntervalMs, no refresh asked for', async () => {
  const periodic = createCivilAffairsAdapter({ databaseUrl: database.databaseUrl, schema: database.schema, idScanIntervalMs: 100 });
  const late = withTypo(SAMPLE.son);
  try {
    await periodic.refreshIdIndex();
    await withPool((pool) => pool.query(`INSERT INTO "${database.schema}".cjrz VALUES ('LATE-0002', $1, '李浩', '4', '3', '2026-01-05')`, [late]));
    const issuesOfSon = async () => (await periodic.lookup([SAMPLE.son])).get(SAMPLE.son)!.issues;
    // No refresh asked for: only the timer the last scan set can find the row.
    for (let waited = 0; (await issuesOfSon()).length === 0; waited += 50) {
      if (waited > 3_000) throw new Error('no scan found the row within 3 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await issuesOfSon()).toEqual([expect.objectContaining({ kind: 'INVALID_CITIZEN_ID', storedId: late, recordReference: 'LATE-0002' })]);
  } finally {
    await withPool((pool) => pool.query(`DELETE FROM "${database.schema}".cjrz WHERE czh = 'LATE-0002'`));
    await periodic.close();
  }
});
