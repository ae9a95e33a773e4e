import type { Pool, PoolClient } from 'pg';
import type { ExportStats } from '../ExportCard';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The names of the export store's tables in its schema, qualified: the embedded PGlite
 * ignores a connection's search_path.
 */
export interface StoreTables {
  schema: string;
  qualified(table: string): string;
  /** The cards of the export in use (a view switched to each new generation). */
  card: string;
  /** The valid IDs one typo away from each card stored under an unreadable ID. */
  typoCandidate: string;
}

export function storeTables(schema: string): StoreTables {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`labour export schema "${schema}" is not a plain lower-case identifier`);
  const qualified = (table: string) => `"${schema}"."${table}"`;
  return { schema, qualified, card: qualified('card'), typoCandidate: qualified('typo_candidate') };
}

/** The generation lookups read and its export, or `null` before the first was ingested. */
export async function exportInUse(db: Pool | PoolClient, tables: StoreTables): Promise<{ generation: number; stats: ExportStats } | null> {
  const { rows } = await db.query<ExportStats & { generation: number }>(
    `SELECT generation, file, row_count AS rows, card_count AS cards, malformed_row_count AS "malformedRows"
     FROM ${tables.qualified('export_in_use')} JOIN ${tables.qualified('export_ingested')} USING (generation)`,
  );
  const row = rows[0];
  return row ? { generation: row.generation, stats: { file: row.file, rows: row.rows, cards: row.cards, malformedRows: row.malformedRows } } : null;
}
