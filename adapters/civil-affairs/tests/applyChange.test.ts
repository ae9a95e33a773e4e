import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runSqlMigrations } from '@resident-graph/adapter-kit';
import { toFifteenDigitId, type ReportedChange } from '@resident-graph/schemas';
import { citizenId } from '@resident-graph/test-kit';
import { createCivilAffairsAdapter, type CivilAffairsAdapter } from '../src';
import { SAMPLE, samplePopulation } from './fixtures/population';
import { standInDatabase, type StandInDatabase } from './fixtures/standInDatabase';
import { dropSchema, randomSchemaName, withPool } from './fixtures/testSchema';

let database: StandInDatabase;
let adapter: CivilAffairsAdapter;

beforeAll(async () => {
  database = await standInDatabase(samplePopulation());
  adapter = createCivilAffairsAdapter({ databaseUrl: database.databaseUrl, schema: database.schema });
});
afterAll(async () => {
  await adapter.close();
  await database.remove();
});

/** One of the bureau's tables, read as the bureau's staff would. */
const rows = <T>(sql: string, values: unknown[] = []): Promise<T[]> =>
  withPool(async (pool) => (await pool.query(sql.replaceAll('{schema}', `"${database.schema}"`), values)).rows as T[]);

const record = async (id: string) => (await adapter.lookup([id])).get(id)!.record;

const change = (kind: ReportedChange['kind'], residentId: string | null, facts: Partial<ReportedChange> = {}): ReportedChange => ({
  kind,
  residentId,
  occurredOn: '2026-11-20',
  ...facts,
});

let keys = 0;
const newKey = () => `delivery-${++keys}`;

describe('MOVE_OUT and DEATH end allowances', () => {
  it('ends the mover’s membership, puts the household’s case up for review, and applies a repeated key once', async () => {
    const key = newKey();
    await expect(adapter.applyChange(change('MOVE_OUT', SAMPLE.son, { moveOut: { toAddress: '北京市朝阳区' } }), key)).resolves.toEqual({
      outcome: 'ACCEPTED',
    });
    expect((await record(SAMPLE.son))?.allowanceCases).toEqual([expect.objectContaining({ caseNumber: 'DB310115-2019-0001', status: 'TERMINATED' })]);
    expect((await record(SAMPLE.variantWife))?.allowanceCases).toEqual([expect.objectContaining({ status: 'ACTIVE' })]);

    await expect(adapter.applyChange(change('MOVE_OUT', SAMPLE.son, { moveOut: { toAddress: '北京市朝阳区' } }), key)).resolves.toEqual({
      outcome: 'ACCEPTED',
    });
    expect(await rows('SELECT ajbh, fcxh, sfzh, fcyy, fczt FROM {schema}.jzfc WHERE mdbs = $1', [key])).toEqual([
      { ajbh: 'DB310115-2019-0001', fcxh: 1, sfzh: SAMPLE.son, fcyy: '家庭成员迁出，家庭人口变化', fczt: '0' },
    ]);
    expect(await rows('SELECT bglx, sfzh, cljg FROM {schema}.bgjl WHERE mdbs = $1', [key])).toEqual([{ bglx: 'MOVE_OUT', sfzh: SAMPLE.son, cljg: '1' }]);
  });

  it('stops a death’s cases and elderly allowance, keeping the rows; a second death is refused', async () => {
    await expect(adapter.applyChange(change('DEATH', SAMPLE.extremeHardship), newKey())).resolves.toEqual({ outcome: 'ACCEPTED' });
    const after = await record(SAMPLE.extremeHardship);
    expect(after?.allowanceCases.map((c) => c.status)).toEqual(['TERMINATED', 'TERMINATED']);
    expect(after?.elderlyAllowance).toBeNull();
    expect(await rows(`SELECT to_char(tfrq, 'YYYY-MM-DD') AS tfrq FROM {schema}.gljt`)).toEqual([{ tfrq: '2026-11-20' }]);
    // The only member of her cases: no household left to review.
    expect(await rows('SELECT 1 FROM {schema}.jzfc WHERE sfzh = $1', [SAMPLE.extremeHardship])).toEqual([]);

    const reason = `${SAMPLE.extremeHardship} recorded deceased by civil affairs already`;
    await expect(adapter.checkChange(change('DEATH', SAMPLE.extremeHardship))).resolves.toBe(reason);
    await expect(adapter.applyChange(change('DEATH', SAMPLE.extremeHardship), newKey())).resolves.toEqual({ outcome: 'REJECTED', reason });
  });

  it('accepts the death of someone the bureau holds nothing on: nothing to stop', async () => {
    await expect(adapter.applyChange(change('DEATH', SAMPLE.nothingOnRecord, { occurredOn: '2026-10-01' }), newKey())).resolves.toEqual({
      outcome: 'ACCEPTED',
    });
    expect(await record(SAMPLE.nothingOnRecord)).toBeNull();
  });
});

describe('MARRIAGE and DIVORCE are registrations in hydj', () => {
  const groom = citizenId('19940101', 15);
  const bride = citizenId('19960606', 26);

  it('registers a marriage both parties then show, once per key', async () => {
    const key = newKey();
    const marriage = change('MARRIAGE', groom, { spouse: { spouseId: bride } });
    await expect(adapter.checkChange(marriage)).resolves.toBeNull();
    await expect(adapter.applyChange(marriage, key)).resolves.toEqual({ outcome: 'ACCEPTED' });
    await expect(adapter.applyChange(marriage, key)).resolves.toEqual({ outcome: 'ACCEPTED' });
    expect(await rows('SELECT djzh, djlx, nfsfzh, nvsfzh FROM {schema}.hydj WHERE nvsfzh = $1', [bride])).toEqual([
      { djzh: 'J310115-2026-000001', djlx: 'IA', nfsfzh: groom, nvsfzh: bride },
    ]);
    expect((await record(bride))?.marriages).toEqual([{ registeredOn: '2026-11-20', kind: 'MARRIAGE', spouseName: '', spouseId: groom }]);
  });

  it('refuses a marriage of a party with a registration in force, in the check and when applied', async () => {
    const marriage = change('MARRIAGE', SAMPLE.legacyHead, { spouse: { spouseId: citizenId('19700101', 28) } });
    const reason = expect.stringMatching(new RegExp(`^${SAMPLE.legacyHead} has a marriage registration in force \\(J310115-1982-\\d{6}\\)$`));
    await expect(adapter.checkChange(marriage)).resolves.toEqual(reason);
    await expect(adapter.applyChange(marriage, newKey())).resolves.toEqual({ outcome: 'REJECTED', reason });
  });

  it('refuses a marriage of two persons of one sex', async () => {
    const marriage = change('MARRIAGE', citizenId('19900101', 35), { spouse: { spouseId: citizenId('19910101', 37) } });
    await expect(adapter.applyChange(marriage, newKey())).resolves.toEqual({ outcome: 'REJECTED', reason: expect.stringContaining('a man and a woman') });
  });

  it('registers a divorce that closes the marriage (its parties stored as the marriage holds them), after which either may marry', async () => {
    const divorce = change('DIVORCE', SAMPLE.variantWife, { spouse: { spouseId: SAMPLE.legacyHead } });
    await expect(adapter.applyChange(divorce, newKey())).resolves.toEqual({ outcome: 'ACCEPTED' });
    expect((await record(SAMPLE.variantWife))?.marriages).toEqual([
      { registeredOn: '1982-10-01', kind: 'MARRIAGE', spouseName: '王建国', spouseId: SAMPLE.legacyHead },
      { registeredOn: '2026-11-20', kind: 'DIVORCE', spouseName: '王建国', spouseId: SAMPLE.legacyHead },
    ]);
    expect(await rows(`SELECT djzh FROM {schema}.hydj WHERE djlx = 'IB' AND djrq = '2026-11-20'`)).toEqual([{ djzh: 'L310115-2026-000001' }]);
    const remarriage = change('MARRIAGE', SAMPLE.legacyHead, { spouse: { spouseId: citizenId('19700101', 28) }, occurredOn: '2026-11-21' });
    await expect(adapter.applyChange(remarriage, newKey())).resolves.toEqual({ outcome: 'ACCEPTED' });
  });

  it('refuses a divorce without a marriage in force between the two', async () => {
    const divorce = change('DIVORCE', SAMPLE.divorcee, { spouse: { spouseId: SAMPLE.son } });
    const reason = `no marriage registration in force between ${SAMPLE.divorcee} and ${SAMPLE.son}`;
    await expect(adapter.checkChange(divorce)).resolves.toBe(reason);
    await expect(adapter.applyChange(divorce, newKey())).resolves.toEqual({ outcome: 'REJECTED', reason });
  });
});

describe('EMPLOYMENT_CHANGE registers an eligibility review', () => {
  it('puts each case the person is paid on up for review, which the case then shows, and changes nothing else', async () => {
    const before = await record(SAMPLE.variantWife);
    const key = newKey();
    await expect(adapter.applyChange(change('EMPLOYMENT_CHANGE', SAMPLE.variantWife, { employment: { status: 'LAID_OFF' } }), key)).resolves.toEqual({
      outcome: 'ACCEPTED',
    });
    expect(await rows('SELECT ajbh, fcyy FROM {schema}.jzfc WHERE mdbs = $1', [key])).toEqual([{ ajbh: 'DB310115-2019-0001', fcyy: '就业状态变化：下岗' }]);
    const review = { reason: '就业状态变化：下岗', registeredOn: '2026-11-20', status: 'PENDING', memberId: SAMPLE.variantWife };
    expect(await record(SAMPLE.variantWife)).toEqual({
      ...before,
      allowanceCases: before!.allowanceCases.map((allowanceCase) => ({
        ...allowanceCase,
        reviews: [...allowanceCase.reviews, expect.objectContaining(review)],
      })),
    });
  });

  it('registers the review under the ID as the case stores it, and shows it on the case to every member, whatever form their own row holds', async () => {
    const key = newKey();
    await expect(adapter.applyChange(change('EMPLOYMENT_CHANGE', SAMPLE.legacyHead, { employment: { status: 'RETIRED' } }), key)).resolves.toEqual({
      outcome: 'ACCEPTED',
    });
    const [stored] = await rows<{ fcxh: number; sfzh: string }>('SELECT fcxh, sfzh FROM {schema}.jzfc WHERE mdbs = $1', [key]);
    expect(stored?.sfzh).toBe(toFifteenDigitId(SAMPLE.legacyHead));
    const review = { reviewNumber: stored?.fcxh, reason: '就业状态变化：退休', registeredOn: '2026-11-20', status: 'PENDING', memberId: SAMPLE.legacyHead };
    for (const member of [SAMPLE.legacyHead, SAMPLE.variantWife, SAMPLE.son]) {
      const [allowanceCase] = (await record(member))?.allowanceCases ?? [];
      expect({ member, reviews: allowanceCase?.reviews.at(-1) }).toEqual({ member, reviews: review });
    }
  });

  it('shows a review staff have completed (已复核) as reviewed, the others still pending, in the order registered', async () => {
    await rows("UPDATE {schema}.jzfc SET fczt = '1' WHERE ajbh = 'DB310115-2019-0001' AND fcxh = 1");
    const [allowanceCase] = (await record(SAMPLE.variantWife))?.allowanceCases ?? [];
    const reviews = allowanceCase?.reviews ?? [];
    expect(reviews.length).toBeGreaterThanOrEqual(3);
    expect(reviews.map((review) => [review.reviewNumber, review.status])).toEqual(reviews.map((_, at) => [at + 1, at === 0 ? 'REVIEWED' : 'PENDING']));
  });

  it('accepts with nothing to review for someone on no case', async () => {
    const key = newKey();
    await expect(adapter.applyChange(change('EMPLOYMENT_CHANGE', SAMPLE.veteran, { employment: { status: 'EMPLOYED' } }), key)).resolves.toEqual({
      outcome: 'ACCEPTED',
    });
    expect(await rows('SELECT 1 FROM {schema}.jzfc WHERE mdbs = $1', [key])).toEqual([]);
  });
});

describe('delivery', () => {
  it('refuses a kind civil affairs does not act on', async () => {
    const birth = change('BIRTH', null, { birth: { motherId: SAMPLE.variantWife, childName: '王小明', childGender: 'MALE' } });
    await expect(adapter.applyChange(birth, newKey())).resolves.toEqual({ outcome: 'REJECTED', reason: 'civil affairs does not act on BIRTH' });
  });

  it('refuses a change without what its kind needs, which no retry would supply', async () => {
    await expect(adapter.applyChange(change('MARRIAGE', SAMPLE.son), newKey())).resolves.toEqual({
      outcome: 'REJECTED',
      reason: 'MARRIAGE without its spouse',
    });
    await expect(adapter.applyChange(change('DEATH', null), newKey())).resolves.toEqual({ outcome: 'REJECTED', reason: 'DEATH names no resident' });
  });

  it('applies one key delivered twice at once a single time', async () => {
    const key = newKey();
    const employment = change('EMPLOYMENT_CHANGE', SAMPLE.legacyHead, { employment: { status: 'RETIRED' } });
    const outcomes = await Promise.all([adapter.applyChange(employment, key), adapter.applyChange(employment, key)]);
    expect(outcomes).toEqual([{ outcome: 'ACCEPTED' }, { outcome: 'ACCEPTED' }]);
    expect(await rows('SELECT sfzh FROM {schema}.jzfc WHERE mdbs = $1', [key])).toHaveLength(1);
  });

  it('a delivery whose session dies before COMMIT leaves neither the change nor its record, and its retry applies once', async () => {
    const key = newKey();
    const moveOut = change('MOVE_OUT', SAMPLE.divorcee, { moveOut: { toAddress: '江苏省南京市' } });
    const impatient = createCivilAffairsAdapter({ databaseUrl: database.databaseUrl, schema: database.schema, timeoutMs: 300, retries: 0 });
    await impatient.refreshIdIndex();
    await withPool(async (pool) => {
      const locker = await pool.connect();
      try {
        await locker.query('BEGIN');
        await locker.query(`LOCK TABLE "${database.schema}".jzcy IN ACCESS EXCLUSIVE MODE`);
        await expect(impatient.applyChange(moveOut, key)).rejects.toMatchObject({ code: 'DEPARTMENT_TIMEOUT' });
        // The crash: the session applying the change is gone mid-transaction, its outcome already written but not committed.
        const { rows } = await pool.query(
          `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE query LIKE 'UPDATE jzcy SET cyzt%' AND pid <> pg_backend_pid()`,
        );
        expect(rows).toEqual([{ ended: true }]);
        await locker.query('ROLLBACK');
      } finally {
        locker.release();
      }
    });
    await impatient.close();
    expect(await rows('SELECT 1 FROM {schema}.bgjl WHERE mdbs = $1', [key])).toEqual([]);
    expect((await record(SAMPLE.divorcee))?.allowanceCases).toEqual([expect.objectContaining({ status: 'SUSPENDED' })]);

    await expect(adapter.applyChange(moveOut, key)).resolves.toEqual({ outcome: 'ACCEPTED' });
    await expect(adapter.applyChange(moveOut, key)).resolves.toEqual({ outcome: 'ACCEPTED' });
    expect(await rows('SELECT cljg FROM {schema}.bgjl WHERE mdbs = $1', [key])).toEqual([{ cljg: '1' }]);
    expect((await record(SAMPLE.divorcee))?.allowanceCases).toEqual([expect.objectContaining({ status: 'TERMINATED' })]);
  });

  it('a database without the change tables is a bad response, for applying and checking', async () => {
    const schema = randomSchemaName();
    const onlyFirst = await mkdtemp(path.join(tmpdir(), 'civil-affairs-migrations-'));
    await copyFile(path.join(__dirname, '..', 'prisma', 'migrations', '0001_init.sql'), path.join(onlyFirst, '0001_init.sql'));
    await withPool(async (pool) => {
      await runSqlMigrations(pool, schema, onlyFirst);
      // What lookups read is there, so only the change's own SQL meets the missing tables.
      await pool.query(`ALTER TABLE "${schema}".gljt ADD COLUMN tfrq date`);
    });
    const unmigrated = createCivilAffairsAdapter({ databaseUrl: database.databaseUrl, schema, retries: 0 });
    try {
      await expect(unmigrated.applyChange(change('DEATH', SAMPLE.son), newKey())).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE' });
      await expect(unmigrated.checkChange(change('DEATH', SAMPLE.son))).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE' });
    } finally {
      await unmigrated.close();
      await dropSchema(schema);
      await rm(onlyFirst, { recursive: true, force: true });
    }
  });

  it('an unreachable database is DEPARTMENT_UNAVAILABLE, for applying and checking', async () => {
    const down = createCivilAffairsAdapter({ databaseUrl: 'postgresql://postgres@127.0.0.1:1/test', schema: database.schema, timeoutMs: 500, retries: 0 });
    try {
      await expect(down.applyChange(change('DEATH', SAMPLE.son), newKey())).rejects.toMatchObject({
        code: 'DEPARTMENT_UNAVAILABLE',
        department: 'civil-affairs',
      });
      await expect(down.checkChange(change('DEATH', SAMPLE.son))).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
    } finally {
      await down.close();
    }
  });
});
