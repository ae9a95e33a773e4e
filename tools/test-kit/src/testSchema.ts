import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

/** The PostgreSQL every machine of this project and CI runs, its database for unit tests. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** A schema name no other test uses, so test files can run side by side on one database. */
export const testSchemaName = (prefix: string): string => `${prefix}_${randomBytes(4).toString('hex')}`;

/** Drops a test's schema with everything in it. */
export async function dropTestSchema(schema: string): Promise<void> {
  const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  try {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await pool.end();
  }
}
