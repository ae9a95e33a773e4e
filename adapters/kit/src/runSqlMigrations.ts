import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
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
