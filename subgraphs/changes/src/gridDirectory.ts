import { Pool } from 'pg';
import { DepartmentError } from '@resident-graph/adapter-kit';
import type { Jurisdiction } from '@resident-graph/subgraph-kit';

/** The street's grids as the grid database holds them: where a move may go, and whose jurisdiction that is. */
export interface GridDirectory {
  /** The grid with its community, or `null` when the street has no such grid. */
  placeGrid(gridId: string): Promise<Jurisdiction | null>;
  close(): Promise<void>;
}

const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Reads the grid database's `grid` table (the schema the jurisdiction index reads), read-only. */
export function createGridDirectory({
  databaseUrl,
  schema = 'grid',
  timeoutMs = 2_000,
}: {
  databaseUrl: string;
  schema?: string;
  timeoutMs?: number;
}): GridDirectory {
  if (!PLAIN_IDENTIFIER.test(schema)) throw new RangeError(`grid schema must be a plain identifier, got ${JSON.stringify(schema)}`);
  const pool = new Pool({ connectionString: databaseUrl, max: 1, idleTimeoutMillis: 1_000, statement_timeout: timeoutMs, connectionTimeoutMillis: timeoutMs });
  return {
    async placeGrid(gridId) {
      try {
        const { rows } = await pool.query<{ id: string; community_id: string }>(`SELECT id, community_id FROM "${schema}".grid WHERE id = $1`, [gridId]);
        return rows[0] ? { gridId: rows[0].id, communityId: rows[0].community_id } : null;
      } catch (error) {
        throw new DepartmentError('DEPARTMENT_UNAVAILABLE', 'grid', `grid directory: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
    },
    close: () => pool.end(),
  };
}
