import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { Umzug, type UmzugStorage } from 'umzug';
import { inTransaction } from './inTransaction';

/** Migration bookkeeping in a table inside the department's own schema. */
function schemaStorage(pool: Pool, schema: string): UmzugStorage {
  const table = `"${schema}"."schema_migrations"`;
  const ensure = () => pool.query(`CREATE TABLE IF NOT EXISTS ${table} (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  return {
    async logMigration({ name }) {
      await pool.query(`INSERT INTO ${table} (name) VALUES ($1)`, [name]);
    },
    async unlogMigration({ name }) {
      await pool.query(`DELETE FROM ${table} WHERE name = $1`, [name]);
    },
    async executed() {
      await ensure();
      const { rows } = await pool.query<{ name: string }>(`SELECT name FROM ${table} ORDER BY name`);
      return rows.map((row) => row.name);
    },
  };
}

/**
 * Applies the versioned SQL files of `migrationsDir` (`NNNN_name.sql`, in name order)
 * to `schema`, each in its own transaction, skipping those already applied. Prisma
 * Migrate needs a native engine these machines cannot download; plain SQL runs the same
 * on PostgreSQL and on the embedded PGlite.
 */
export async function runSqlMigrations(pool: Pool, schema: string, migrationsDir: string): Promise<string[]> {
  await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const files = readdirSync(migrationsDir)
    .filter((file) => file.endsWith('.sql'))
    .sort();
  const umzug = new Umzug({
    migrations: files.map((file) => ({
      name: file,
      async up() {
        const sql = readFileSync(path.join(migrationsDir, file), 'utf8');
        await inTransaction(pool, async (client) => {
          await client.query(`SET LOCAL search_path TO "${schema}"`);
          await client.query(sql);
        });
      },
    })),
    storage: schemaStorage(pool, schema),
    logger: undefined,
  });
  const applied = await umzug.up();
  return applied.map((migration) => migration.name);
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
