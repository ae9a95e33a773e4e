import path from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { citizenIdsOneTypoAway, normalizeCitizenId } from '@resident-graph/schemas';
import type { Logger } from '@resident-graph/service-kit';
import type { ExportStats } from '../ExportCard';
import { readExportRows, type ExportRow } from './readExportRows';
import { exportInUse, type StoreTables } from './storeTables';

/** Rows sent to the database per statement: few enough to keep the process's memory flat. */
const BATCH_ROWS = 5_000;

/** A generation's own tables: the rows as read, the cards they gather into, the residents an unreadable ID may be. */
const GENERATION_TABLE = /^(export_row|card|typo_candidate)_(\d+)$/;

class RowBatches {
  private columns = RowBatches.empty();
  private candidates = { citizenId: [] as string[], storedId: [] as string[], cardNumber: [] as string[] };

  constructor(
    private readonly client: PoolClient,
    private readonly tables: { rows: string; candidates: string },
  ) {}

  private static empty() {
    return {
      line: [] as number[],
      citizenId: [] as (string | null)[],
      storedId: [] as string[],
      cardNumber: [] as string[],
      name: [] as string[],
      legacy: [] as boolean[],
      insuranceType: [] as (string | null)[],
      paidMonths: [] as (number | null)[],
      active: [] as (boolean | null)[],
    };
  }

  async add(row: ExportRow): Promise<void> {
    const normalized = normalizeCitizenId(row.storedId);
    const columns = this.columns;
    columns.line.push(row.line);
    columns.citizenId.push(normalized.ok ? normalized.id : null);
    columns.storedId.push(row.storedId);
    columns.cardNumber.push(row.cardNumber);
    columns.name.push(row.name);
    columns.legacy.push(normalized.ok && normalized.converted);
    columns.insuranceType.push(row.insurance?.type ?? null);
    columns.paidMonths.push(row.insurance?.paidMonths ?? null);
    columns.active.push(row.insurance?.active ?? null);
    // A card under an ID that fails validation names nobody: it is indexed under every valid ID one typo away instead.
    if (!normalized.ok) {
      for (const candidate of citizenIdsOneTypoAway(row.storedId)) {
        this.candidates.citizenId.push(candidate);
        this.candidates.storedId.push(row.storedId);
        this.candidates.cardNumber.push(row.cardNumber);
      }
    }
    if (columns.line.length >= BATCH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    const { columns, candidates } = this;
    this.columns = RowBatches.empty();
    this.candidates = { citizenId: [], storedId: [], cardNumber: [] };
    await this.client.query(
      `INSERT INTO ${this.tables.rows} (line, citizen_id, stored_id, card_number, name, legacy, insurance_type, paid_months, active)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::int[], $9::boolean[])`,
      Object.values(columns),
    );
    // One row per card and candidate, however many rows the card has.
    await this.client.query(
      `INSERT INTO ${this.tables.candidates} (citizen_id, stored_id, card_number) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
      Object.values(candidates),
    );
  }
}

/** Drops every generation's tables but the one lookups read (left by a failed or interrupted ingest, or replaced). */
async function dropOtherGenerations(client: PoolClient, tables: StoreTables, keep: number | null): Promise<void> {
  const { rows } = await client.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = $1', [tables.schema]);
  const others = rows
    .map((row) => row.tablename)
    .filter((name) => {
      const generation = GENERATION_TABLE.exec(name)?.[2];
      return generation !== undefined && Number(generation) !== keep;
    });
  if (others.length > 0) await client.query(`DROP TABLE ${others.map((name) => tables.qualified(name)).join(', ')}`);
  await client.query(`DELETE FROM ${tables.qualified('export_ingested')} WHERE generation IS DISTINCT FROM $1`, [keep]);
}

async function writeGeneration(client: PoolClient, tables: StoreTables, generation: number, file: string, logger: Logger): Promise<ExportStats> {
  const rowsTable = tables.qualified(`export_row_${generation}`);
  const cardTable = tables.qualified(`card_${generation}`);
  const candidateTable = tables.qualified(`typo_candidate_${generation}`);
  // The rows are only a step towards the cards: not worth the write-ahead log.
  await client.query(
    `CREATE UNLOGGED TABLE ${rowsTable} (line integer NOT NULL, citizen_id text, stored_id text NOT NULL, card_number text NOT NULL, name text NOT NULL,
       legacy boolean NOT NULL, insurance_type text, paid_months integer, active boolean)`,
  );
  await client.query(
    `CREATE TABLE ${candidateTable} (citizen_id text NOT NULL, stored_id text NOT NULL, card_number text NOT NULL, PRIMARY KEY (citizen_id, stored_id, card_number))`,
  );

  const name = path.basename(file);
  let malformedRows = 0;
  let rows = 0;
  const batches = new RowBatches(client, { rows: rowsTable, candidates: candidateTable });
  const onMalformed = (line: number, reason: string) => {
    malformedRows++;
    logger.warn({ file: name, line, reason }, 'skipped malformed export row');
  };
  for await (const row of readExportRows(file, onMalformed)) {
    rows++;
    await batches.add(row);
  }
  await batches.flush();

  // A card is its number under one resident, or under one unreadable ID (which names nobody); its
  // first row gives what it stores, its rows in file order its insurance.
  await client.query(
    `CREATE TABLE ${cardTable} AS
     SELECT citizen_id, card_number,
            (array_agg(stored_id ORDER BY line))[1] AS stored_id,
            (array_agg(name ORDER BY line))[1] AS name_on_record,
            (array_agg(legacy ORDER BY line))[1] AS legacy,
            coalesce(jsonb_agg(jsonb_build_object('type', insurance_type, 'paidMonths', paid_months, 'active', active) ORDER BY line)
                       FILTER (WHERE insurance_type IS NOT NULL), '[]') AS insurance,
            min(line) AS first_line
     FROM ${rowsTable}
     GROUP BY citizen_id, card_number, CASE WHEN citizen_id IS NULL THEN stored_id END`,
  );
  await client.query(`DROP TABLE ${rowsTable}`);
  await client.query(`CREATE INDEX ON ${cardTable} (citizen_id)`);
  await client.query(`CREATE INDEX ON ${cardTable} (stored_id) WHERE citizen_id IS NULL`);
  const { rows: counted } = await client.query<{ cards: number; invalid_ids: number }>(
    `SELECT count(*)::int AS cards, (count(*) FILTER (WHERE citizen_id IS NULL))::int AS invalid_ids FROM ${cardTable}`,
  );
  const { cards, invalid_ids: invalidIds } = counted[0]!;
  await client.query(
    `INSERT INTO ${tables.qualified('export_ingested')} (generation, file, row_count, card_count, malformed_row_count) VALUES ($1, $2, $3, $4, $5)`,
    [generation, file, rows, cards, malformedRows],
  );
  logger.info({ file: name, rows, cards, malformedRows, invalidIds }, 'labour export ingested');
  return { file, rows, cards, malformedRows };
}

/**
 * Ingests one export into a new generation of tables, streaming it in batches, then switches
 * lookups to it in one statement: until then they read the previous one. Processes sharing the
 * schema take turns; a file another one ingested meanwhile is not read again.
 */
export async function ingestExport(pool: Pool, tables: StoreTables, file: string, logger: Logger): Promise<ExportStats> {
  const client = await pool.connect();
  const lock = `resident-graph labour export ${tables.schema}`;
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lock]);
    try {
      const inUse = await exportInUse(client, tables);
      if (inUse?.stats.file === file) return inUse.stats;
      await dropOtherGenerations(client, tables, inUse?.generation ?? null);
      const { rows } = await client.query<{ generation: number }>(`SELECT nextval('${tables.qualified('export_generation')}')::int AS generation`);
      const generation = rows[0]!.generation;
      let stats: ExportStats;
      try {
        stats = await writeGeneration(client, tables, generation, file, logger);
      } catch (error) {
        await dropOtherGenerations(client, tables, inUse?.generation ?? null);
        throw error;
      }
      // One simple-protocol query is one transaction, on PostgreSQL and on the embedded PGlite alike.
      await client.query(
        `CREATE OR REPLACE VIEW ${tables.card} AS SELECT * FROM ${tables.qualified(`card_${generation}`)};
         CREATE OR REPLACE VIEW ${tables.typoCandidate} AS SELECT * FROM ${tables.qualified(`typo_candidate_${generation}`)};
         INSERT INTO ${tables.qualified('export_in_use')} (generation) VALUES (${generation})
           ON CONFLICT (only_row) DO UPDATE SET generation = excluded.generation;`,
      );
      await dropOtherGenerations(client, tables, generation);
      return stats;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lock]);
    }
  } finally {
    client.release();
  }
}
