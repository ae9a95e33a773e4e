import path from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { citizenIdsOneTypoAway, normalizeCitizenId } from '@resident-graph/schemas';
import type { Logger } from '@resident-graph/service-kit';
import type { ExportStats, InsuranceRow } from '../ExportCard';
import { readExportRows, type ExportRow } from './readExportRows';
import { exportInUse, type StoreTables } from './storeTables';

/** Cards sent to the database per statement: few enough to keep the process's memory flat. */
const BATCH_CARDS = 5_000;

/** A generation's own tables: the cards of its export, the residents an unreadable ID may be. */
const GENERATION_TABLE = /^(card|typo_candidate)_(\d+)$/;

interface PendingCard {
  /** The resident's citizen ID, or the unreadable ID the card is stored under (which names nobody). */
  owner: string;
  citizenId: string | null;
  cardNumber: string;
  storedId: string;
  name: string;
  legacy: boolean;
  insurance: InsuranceRow[];
  firstLine: number;
}

/**
 * The export's rows gathered into cards a batch at a time. A card's rows usually follow each
 * other; one that comes back in a later batch has its insurance appended to the card already
 * written, so its rows stay in file order and its first row says what it stores.
 */
class CardBatches {
  private cards = new Map<string, PendingCard>();
  private candidates = { citizenId: [] as string[], storedId: [] as string[], cardNumber: [] as string[] };

  constructor(
    private readonly client: PoolClient,
    private readonly tables: { cards: string; candidates: string },
  ) {}

  async add(row: ExportRow): Promise<void> {
    const normalized = normalizeCitizenId(row.storedId);
    const owner = normalized.ok ? normalized.id : row.storedId;
    const key = `${owner}\u0000${row.cardNumber}`;
    let card = this.cards.get(key);
    if (!card) {
      card = {
        owner,
        citizenId: normalized.ok ? normalized.id : null,
        cardNumber: row.cardNumber,
        storedId: row.storedId,
        name: row.name,
        legacy: normalized.ok && normalized.converted,
        insurance: [],
        firstLine: row.line,
      };
      this.cards.set(key, card);
      // A card under an ID that fails validation names nobody: it is indexed under every valid ID one typo away instead.
      if (!normalized.ok) {
        for (const candidate of citizenIdsOneTypoAway(row.storedId)) {
          this.candidates.citizenId.push(candidate);
          this.candidates.storedId.push(row.storedId);
          this.candidates.cardNumber.push(row.cardNumber);
        }
      }
    }
    if (row.insurance) card.insurance.push(row.insurance);
    if (this.cards.size >= BATCH_CARDS) await this.flush();
  }

  async flush(): Promise<void> {
    const cards = [...this.cards.values()];
    const { candidates } = this;
    this.cards = new Map();
    this.candidates = { citizenId: [], storedId: [], cardNumber: [] };
    await this.client.query(
      `INSERT INTO ${this.tables.cards} AS card (owner, citizen_id, card_number, stored_id, name_on_record, legacy, insurance, first_line)
       SELECT owner, citizen_id, card_number, stored_id, name_on_record, legacy, insurance::jsonb, first_line
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::int[])
         AS batch (owner, citizen_id, card_number, stored_id, name_on_record, legacy, insurance, first_line)
       ON CONFLICT (owner, card_number) DO UPDATE SET insurance = card.insurance || excluded.insurance`,
      [
        cards.map((card) => card.owner),
        cards.map((card) => card.citizenId),
        cards.map((card) => card.cardNumber),
        cards.map((card) => card.storedId),
        cards.map((card) => card.name),
        cards.map((card) => card.legacy),
        cards.map((card) => JSON.stringify(card.insurance)),
        cards.map((card) => card.firstLine),
      ],
    );
    // One row per card and candidate, however many batches the card's rows come in.
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

interface IngestOptions {
  logger: Logger;
  /** Stops the ingest between two rows (the adapter closing); what it wrote is dropped. */
  signal: AbortSignal;
}

async function writeGeneration(
  client: PoolClient,
  tables: StoreTables,
  generation: number,
  file: string,
  { logger, signal }: IngestOptions,
): Promise<ExportStats> {
  const cardTable = tables.qualified(`card_${generation}`);
  const candidateTable = tables.qualified(`typo_candidate_${generation}`);
  // owner: the citizen ID, or for a card under an unreadable ID that ID: the key of a resident's cards and of those to link.
  await client.query(
    `CREATE TABLE ${cardTable} (owner text NOT NULL, citizen_id text, card_number text NOT NULL, stored_id text NOT NULL, name_on_record text NOT NULL,
       legacy boolean NOT NULL, insurance jsonb NOT NULL, first_line integer NOT NULL, PRIMARY KEY (owner, card_number))`,
  );
  await client.query(
    `CREATE TABLE ${candidateTable} (citizen_id text NOT NULL, stored_id text NOT NULL, card_number text NOT NULL, PRIMARY KEY (citizen_id, stored_id, card_number))`,
  );

  const name = path.basename(file);
  let malformedRows = 0;
  let rows = 0;
  const batches = new CardBatches(client, { cards: cardTable, candidates: candidateTable });
  const onMalformed = (line: number, reason: string) => {
    malformedRows++;
    logger.warn({ file: name, line, reason }, 'skipped malformed export row');
  };
  for await (const row of readExportRows(file, onMalformed)) {
    signal.throwIfAborted();
    rows++;
    await batches.add(row);
  }
  await batches.flush();

  const { rows: counted } = await client.query<{ cards: number; invalid_ids: number }>(
    `SELECT count(*)::int AS cards, (count(*) FILTER (WHERE citizen_id IS NULL))::int AS invalid_ids FROM ${cardTable}`,
  );
  const { cards, invalid_ids: invalidIds } = counted[0]!;
  // Statistics before lookups read the generation: without them the planner takes the tables for
  // empty ones and scans every card for a page's hundred owners (40 ms instead of 1 on district),
  // and the embedded PGlite has no autovacuum to catch up.
  await client.query(`ANALYZE ${cardTable}; ANALYZE ${candidateTable}`);
  await client.query(
    `INSERT INTO ${tables.qualified('export_ingested')} (generation, file, row_count, card_count, malformed_row_count) VALUES ($1, $2, $3, $4, $5)`,
    [generation, file, rows, cards, malformedRows],
  );
  logger.info({ file: name, rows, cards, malformedRows, invalidIds }, 'labour export ingested');
  return { file, rows, cards, malformedRows };
}

/**
 * Ingests one export into a new generation of tables, streaming it in batches of cards, then switches
 * lookups to it in one statement: until then they read the previous one. Processes sharing the
 * schema take turns; a file another one ingested meanwhile is not read again.
 */
export async function ingestExport(pool: Pool, tables: StoreTables, file: string, options: IngestOptions): Promise<ExportStats> {
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
        stats = await writeGeneration(client, tables, generation, file, options);
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
