import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { inTransaction } from './inTransaction';

/**
 * Applies the versioned SQL files of `migrationsDir` (`NNNN_name.sql`, in name order)
 * to `schema`, each in its own transaction, skipping those already applied. The names
 * applied are kept in `schema_migrations` inside the schema, written in the migration's own
 * transaction, so a migration is never applied without being recorded. Prisma Migrate needs
 * a native engine these machines cannot download; plain SQL runs the same on PostgreSQL and
 * on the embedded PGlite.
 */
export async function runSqlMigrations(pool: Pool, schema: string, migrationsDir: string): Promise<string[]> {
  const table = `"${schema}"."schema_migrations"`;
  await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await pool.query(`CREATE TABLE IF NOT EXISTS ${table} (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const { rows } = await pool.query<{ name: string }>(`SELECT name FROM ${table}`);
  const applied = new Set(rows.map((row) => row.name));
  const pending = readdirSync(migrationsDir)
    .filter((file) => file.endsWith('.sql') && !applied.has(file))
    .sort();
  for (const file of pending) {
    const sql = readFileSync(path.join(migrationsDir, file), 'utf8');
    await inTransaction(pool, async (client) => {
      await client.query(`SET LOCAL search_path TO "${schema}"`);
      await client.query(sql);
      await client.query(`INSERT INTO ${table} (name) VALUES ($1)`, [file]);
    });
  }
  return pending;
}

export interface MigrateDatabaseOptions {
  databaseUrl: string;
  schema: string;
  migrationsDir: string;
  /** Names the session lock the services migrating this schema take turns on. */
  lockName: string;
}

/**
 * `runSqlMigrations` on its own connection, safe to run on every start by several services
 * at once: they take turns on a session lock. The pool has one connection that never idles
 * out, so the lock and the migrations share a session.
 */
export async function migrateDatabase({ databaseUrl, schema, migrationsDir, lockName }: MigrateDatabaseOptions): Promise<string[]> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1, idleTimeoutMillis: 0 });
  try {
    await pool.query('SELECT pg_advisory_lock(hashtext($1))', [lockName]);
    try {
      return await runSqlMigrations(pool, schema, migrationsDir);
    } finally {
      await pool.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName]);
    }
  } finally {
    await pool.end();
  }
}
