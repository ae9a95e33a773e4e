import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Pool, type PoolClient } from 'pg';
import { inTransaction, runSqlMigrations } from '@resident-graph/adapter-kit';
import { checkSchemaName, DEFAULT_SCHEMA } from '../schemaName';
import { seedFileName, STAND_IN_TABLES } from './standInTables';

export interface PrepareStandInOptions {
  databaseUrl: string;
  /** @default 'grid' */
  schema?: string;
  /** The generator's output directory; the seed is read from its `grid/` folder. */
  dataDir: string;
}

const MIGRATIONS_DIR = path.resolve(__dirname, '../../prisma/migrations');
/** Rows per INSERT: one JSON parameter each, so the batch size is bounded by memory only. */
const BATCH_ROWS = 5_000;

async function* batchesOf(file: string): AsyncGenerator<unknown[]> {
  let batch: unknown[] = [];
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    batch.push(JSON.parse(line));
    if (batch.length === BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function loadSeed(client: PoolClient, schema: string, seedDir: string): Promise<void> {
  for (const { table, columns } of STAND_IN_TABLES) {
    const file = path.join(seedDir, seedFileName(table));
    if (!existsSync(file)) throw new Error(`grid stand-in: seed file ${file} is missing`);
    const target = `"${schema}"."${table}"`;
    const list = columns.join(', ');
    const insert = `INSERT INTO ${target} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${target}, $1::json)`;
    for await (const batch of batchesOf(file)) await client.query(insert, [JSON.stringify(batch)]);
  }
  // Rows were loaded with their own ids; new rows must be numbered after them.
  await client.query(`SELECT setval(pg_get_serial_sequence('"${schema}"."resident"', 'id'), COALESCE(max(id), 0) + 1, false) FROM "${schema}"."resident"`);
  // Without statistics the planner takes a freshly loaded street for an empty one and
  // hash-joins whole tables for a lookup of one resident.
  for (const { table } of STAND_IN_TABLES) await client.query(`ANALYZE "${schema}"."${table}"`);
}

/**
 * Brings the grid database up: applies the SQL migrations to `schema`, then loads the
 * seed written by `writeStandInData` if the database is empty. The load is one
 * transaction under an advisory lock, so a concurrent or interrupted start never leaves
 * half a street behind.
 */
export async function prepareStandIn(options: PrepareStandInOptions): Promise<{ loaded: boolean }> {
  const schema = checkSchemaName(options.schema ?? DEFAULT_SCHEMA);
  const pool = new Pool({ connectionString: options.databaseUrl, max: 2 });
  try {
    await runSqlMigrations(pool, schema, MIGRATIONS_DIR);
    return await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`grid-stand-in:${schema}`]);
      const { rows } = await client.query<{ empty: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM "${schema}"."street") AS empty`);
      const loaded = rows[0]?.empty === true;
      if (loaded) await loadSeed(client, schema, path.join(options.dataDir, 'grid'));
      return { loaded };
    });
  } finally {
    await pool.end();
  }
}
