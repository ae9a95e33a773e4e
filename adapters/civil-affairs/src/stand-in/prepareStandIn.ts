import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Pool, type PoolClient } from 'pg';
import { inTransaction, runSqlMigrations } from '@resident-graph/adapter-kit';
import { DEFAULT_SCHEMA } from '../defaultSchema';
import { CIVIL_AFFAIRS_TABLES } from './civilAffairsTables';

export interface PrepareStandInOptions {
  databaseUrl: string;
  /** @default 'civil_affairs' */
  schema?: string;
  /** The generator's output directory: rows are read from `dataDir/civil-affairs/`. */
  dataDir: string;
}

const MIGRATIONS_DIR = path.join(__dirname, '..', '..', 'prisma', 'migrations');
/** Rows per INSERT: one JSON parameter each, well under the protocol's message limits. */
const BATCH_ROWS = 5_000;

async function tablesAreEmpty(client: PoolClient, schema: string): Promise<boolean> {
  const probes = CIVIL_AFFAIRS_TABLES.map((table) => `NOT EXISTS (SELECT 1 FROM "${schema}"."${table}")`).join(' AND ');
  const { rows } = await client.query<{ empty: boolean }>(`SELECT ${probes} AS empty`);
  return rows[0]?.empty ?? false;
}

async function readRows(dataDir: string, table: string): Promise<unknown[]> {
  const text = await readFile(path.join(dataDir, 'civil-affairs', `${table}.jsonl`), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

/**
 * Makes a PostgreSQL schema look like the bureau's database: applies the migrations,
 * then, if every table is empty, loads the generated rows in one transaction. Each
 * batch is one JSON array turned into rows by `json_populate_recordset`, which keeps a
 * pilot street's rows to a few statements.
 */
export async function prepareStandIn({ databaseUrl, schema = DEFAULT_SCHEMA, dataDir }: PrepareStandInOptions): Promise<void> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error(`civil-affairs stand-in: "${schema}" is not a plain schema name`);
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await runSqlMigrations(pool, schema, MIGRATIONS_DIR);
    await inTransaction(pool, async (client) => {
      if (!(await tablesAreEmpty(client, schema))) return;
      for (const table of CIVIL_AFFAIRS_TABLES) {
        const rows = await readRows(dataDir, table);
        const target = `"${schema}"."${table}"`;
        for (let start = 0; start < rows.length; start += BATCH_ROWS) {
          const batch = JSON.stringify(rows.slice(start, start + BATCH_ROWS));
          await client.query(`INSERT INTO ${target} SELECT * FROM json_populate_recordset(NULL::${target}, $1::json)`, [batch]);
        }
      }
      // Without statistics the planner takes the loaded tables for empty ones and scans a whole
      // table for a lookup of a hundred IDs; the embedded PGlite has no autovacuum to catch up.
      for (const table of CIVIL_AFFAIRS_TABLES) await client.query(`ANALYZE "${schema}"."${table}"`);
    });
  } finally {
    await pool.end();
  }
}
