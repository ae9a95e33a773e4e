import path from 'node:path';
import { Pool } from 'pg';
import { runSqlMigrations } from '@resident-graph/adapter-kit';
import { assertSchemaName, DEFAULT_SCHEMA } from './defaultSchema';

export interface PrepareAuditStoreOptions {
  databaseUrl: string;
  /** @default 'audit' */
  schema?: string;
}

const MIGRATIONS = path.join(__dirname, '..', 'prisma', 'migrations');

/**
 * Creates the schema and applies the migrations not yet applied; safe to run on every
 * start, by several services at once: they take turns on a session lock. The pool has one
 * connection that never idles out, so the lock and the migrations share a session.
 */
export async function prepareAuditStore({ databaseUrl, schema = DEFAULT_SCHEMA }: PrepareAuditStoreOptions): Promise<string[]> {
  assertSchemaName(schema);
  const pool = new Pool({ connectionString: databaseUrl, max: 1, idleTimeoutMillis: 0 });
  const lockKey = `resident-graph audit migrations ${schema}`;
  try {
    await pool.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      return await runSqlMigrations(pool, schema, MIGRATIONS);
    } finally {
      await pool.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
    }
  } finally {
    await pool.end();
  }
}
