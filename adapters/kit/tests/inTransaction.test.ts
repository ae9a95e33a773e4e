import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { inTransaction } from '../src';

const pool = new Pool({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test', max: 2 });
const table = `in_transaction_${randomBytes(4).toString('hex')}`;
const count = async () => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

beforeAll(() => pool.query(`CREATE TABLE ${table} (n int)`));
afterAll(async () => {
  await pool.query(`DROP TABLE IF EXISTS ${table}`);
  await pool.end();
});

describe('inTransaction', () => {
  it('commits what the work wrote and hands back its result', async () => {
    const result = await inTransaction(pool, async (client) => {
      await client.query(`INSERT INTO ${table} VALUES (1), (2)`);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await count()).toBe(2);
  });

  it('rolls back everything the work wrote when it throws, and rethrows', async () => {
    await expect(
      inTransaction(pool, async (client) => {
        await client.query(`INSERT INTO ${table} VALUES (3)`);
        throw new Error('half way');
      }),
    ).rejects.toThrow('half way');
    expect(await count()).toBe(2);
  });

  it('returns every connection to the pool, whichever way the work ended', async () => {
    for (let round = 0; round < 5; round++) await inTransaction(pool, () => Promise.reject(new Error('no'))).catch(() => undefined);
    expect(pool.idleCount + pool.waitingCount).toBe(pool.totalCount);
    expect(pool.waitingCount).toBe(0);
  });
});
