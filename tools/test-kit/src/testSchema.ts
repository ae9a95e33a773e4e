import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';

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

/** A parameter as SQL text for `EXECUTE`: a list as an array literal (`{a,b}`), anything else as it prints. */
const parameterText = (value: unknown): string => (Array.isArray(value) ? `{${value.join(',')}}` : String(value));

/**
 * The plan PostgreSQL makes once for `statement` and reuses whatever the values — a named
 * statement's, on a connection made with service-kit's `namedStatementSettings` — as
 * `EXPLAIN` prints it. `values` are the statement's parameters as its caller binds them (a
 * `Prisma.Sql`'s `values` will do); the plan does not depend on them, they only complete the
 * `EXECUTE`.
 */
export async function genericPlanOf(statement: string, values: readonly unknown[], databaseUrl = TEST_DATABASE_URL): Promise<string> {
  const client = new Client({ connectionString: databaseUrl, options: '-c plan_cache_mode=force_generic_plan' });
  await client.connect();
  try {
    await client.query(`PREPARE plan_under_test AS ${statement}`);
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN EXECUTE plan_under_test(${values.map((value) => client.escapeLiteral(parameterText(value))).join(', ')})`,
    );
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}
