import path from 'node:path';
import { Pool } from 'pg';
import { legacyIdIssue, migrateDatabase } from '@resident-graph/adapter-kit';
import type { DataQualityIssue } from '@resident-graph/schemas';
import { type Logger, namedStatementSettings, preparedQuery } from '@resident-graph/service-kit';
import type { ExportCard, ExportStats } from '../ExportCard';
import { ingestExport } from './ingestExport';
import { exportInUse, storeTables, type StoreTables } from './storeTables';

const MIGRATIONS = path.join(__dirname, '..', '..', 'migrations');
export const DEFAULT_EXPORT_SCHEMA = 'labour';
/** Stored IDs read per query when statistics count them all. */
const STORED_ID_PAGE = 10_000;

/** Where the exports are ingested: the stack's shared database, a schema of the adapter's own. */
export interface ExportDatabase {
  databaseUrl: string;
  /** @default 'labour' */
  schema?: string;
}

/** What the export holds on one resident. */
export interface ResidentCards {
  cards: ExportCard[];
  /** Its cards under a converted 15-digit ID, and the cards under an unreadable ID one typo away from theirs. */
  issues: DataQualityIssue[];
}

interface CardRow extends ExportCard {
  citizenId: string | null;
}

const CARD_COLUMNS = `c.citizen_id AS "citizenId", c.card_number AS "cardNumber", c.stored_id AS "storedId", c.name_on_record AS "nameOnRecord", c.legacy, c.insurance`;

const toCard = ({ cardNumber, storedId, nameOnRecord, legacy, insurance }: CardRow): ExportCard => ({ cardNumber, storedId, nameOnRecord, legacy, insurance });

function groupBy<T, V>(items: Iterable<T>, keyOf: (item: T) => string, valueOf: (item: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(valueOf(item));
    else groups.set(key, [valueOf(item)]);
  }
  return groups;
}

/**
 * The cards of each citizen ID (`$1`) in the export's order, in one statement: those under
 * the ID (`candidate` null) and those under an unreadable ID one typo away from it
 * (`candidate` the ID). The candidates are probed key by key (LATERAL; OFFSET 0 keeps the
 * planner from merging it into one scan): as `citizen_id = ANY($1)` the plan made once for
 * every call read the whole candidate table (4 ms for a roster page's hundred IDs on
 * `pilot`, 0.2 by key).
 */
export const residentCardsStatement = (tables: StoreTables): string =>
  `SELECT NULL::text AS candidate, ${CARD_COLUMNS}, first_line FROM ${tables.card} AS c
   WHERE c.owner = ANY($1::text[]) AND c.citizen_id IS NOT NULL
   UNION ALL
   SELECT t.citizen_id, ${CARD_COLUMNS}, c.first_line FROM unnest($1::text[]) AS wanted(id),
     LATERAL (SELECT citizen_id, stored_id, card_number FROM ${tables.typoCandidate} WHERE citizen_id = wanted.id OFFSET 0) AS t
   JOIN ${tables.card} c ON c.owner = t.stored_id AND c.card_number = t.card_number AND c.citizen_id IS NULL
   ORDER BY first_line`;

/**
 * The nightly exports ingested into PostgreSQL and read by key: the process holds no more
 * of the export than a lookup asks for. The export in use is remembered across restarts.
 */
export class LabourExportStore {
  private readonly pool: Pool;
  private readonly tables: StoreTables;
  private readonly residentCards: string;
  private migrated: Promise<unknown> | null = null;
  private readonly closing = new AbortController();

  constructor(private readonly database: ExportDatabase) {
    this.tables = storeTables(database.schema ?? DEFAULT_EXPORT_SCHEMA);
    this.residentCards = residentCardsStatement(this.tables);
    // One connection for an ingest, the others for lookups meanwhile.
    this.pool = new Pool({ connectionString: database.databaseUrl, max: 3, ...namedStatementSettings });
  }

  /** The store's tables, created on first use. */
  private ready(): Promise<unknown> {
    this.migrated ??= migrateDatabase({
      databaseUrl: this.database.databaseUrl,
      schema: this.tables.schema,
      migrationsDir: MIGRATIONS,
      lockName: `resident-graph labour migrations ${this.tables.schema}`,
    }).catch((error: unknown) => {
      this.migrated = null;
      throw error;
    });
    return this.migrated;
  }

  /** The export lookups read, or `null` before the first was ingested. */
  async inUse(): Promise<ExportStats | null> {
    await this.ready();
    return (await exportInUse(this.pool, this.tables))?.stats ?? null;
  }

  /** Ingests `file` and switches lookups to it once it is complete. */
  async ingest(file: string, logger: Logger): Promise<ExportStats> {
    await this.ready();
    return ingestExport(this.pool, this.tables, file, { logger, signal: this.closing.signal });
  }

  /** The cards of each citizen ID and the issues they raise, in the export's order (`residentCardsStatement`). */
  async residents(citizenIds: readonly string[]): Promise<Map<string, ResidentCards>> {
    const { rows } = await this.pool.query<CardRow & { candidate: string | null }>(preparedQuery(this.residentCards, [citizenIds]));
    const cards = rows.filter((row) => row.candidate === null);
    const typos = rows.filter((row): row is CardRow & { candidate: string } => row.candidate !== null);
    const cardsOf = groupBy(cards, (row) => row.citizenId!, toCard);
    const typosOf = groupBy(
      typos,
      (row) => row.candidate,
      (row) => row,
    );
    return new Map(
      citizenIds.map((citizenId) => {
        const own = cardsOf.get(citizenId) ?? [];
        const legacy = own
          .filter((card) => card.legacy)
          .map((card) => legacyIdIssue('labour', { storedId: card.storedId, recordReference: card.cardNumber, nameOnRecord: card.nameOnRecord }));
        const mistyped = (typosOf.get(citizenId) ?? []).map((card): DataQualityIssue => ({
          department: 'labour',
          kind: 'INVALID_CITIZEN_ID',
          storedId: card.storedId,
          recordReference: card.cardNumber,
          nameOnRecord: card.nameOnRecord,
        }));
        return [citizenId, { cards: own, issues: [...legacy, ...mistyped] }];
      }),
    );
  }

  /** The cards stored under each unreadable ID, exactly as stored: what identity resolution may have linked to a resident. */
  async cardsStoredUnder(storedIds: readonly string[]): Promise<Map<string, ExportCard[]>> {
    if (storedIds.length === 0) return new Map();
    const { rows } = await this.pool.query<CardRow>(
      `SELECT ${CARD_COLUMNS} FROM ${this.tables.card} AS c WHERE c.owner = ANY($1::text[]) AND c.citizen_id IS NULL ORDER BY c.first_line`,
      [storedIds],
    );
    return groupBy(rows, (row) => row.storedId, toCard);
  }

  /** The residents the export raises an issue on (some may turn out to have none: a card's first row decides). */
  async residentsWithIssues(): Promise<string[]> {
    const { rows } = await this.pool.query<{ citizen_id: string }>(
      `SELECT citizen_id FROM ${this.tables.card} WHERE legacy UNION SELECT citizen_id FROM ${this.tables.typoCandidate}`,
    );
    return rows.map((row) => row.citizen_id);
  }

  /**
   * The stored IDs of the people who hold one of `cardNumbers` (`holding`), or none of them:
   * a person is a resident with all their cards, or one card under an unreadable ID (it names nobody).
   */
  async storedIdsOfHolders(cardNumbers: readonly string[], holding: boolean): Promise<string[]> {
    const { rows } = await this.pool.query<{ stored_id: string }>(
      `SELECT stored_id FROM (
         SELECT c.stored_id,
                bool_or(held.card_number IS NOT NULL) OVER (PARTITION BY c.owner, CASE WHEN c.citizen_id IS NULL THEN c.card_number END) AS holds
         FROM ${this.tables.card} c LEFT JOIN (SELECT DISTINCT unnest($1::text[]) AS card_number) held ON held.card_number = c.card_number
       ) AS people WHERE holds = $2`,
      [cardNumbers, holding],
    );
    return rows.map((row) => row.stored_id);
  }

  /** The citizen ID of every card, as stored, a page at a time (a page may come from a newer export than the one before). */
  async *storedIds(): AsyncGenerator<string> {
    let after: { owner: string; card_number: string } | undefined;
    do {
      const { rows }: { rows: { owner: string; card_number: string; stored_id: string }[] } = await this.pool.query(
        `SELECT owner, card_number, stored_id FROM ${this.tables.card}
         ${after ? 'WHERE (owner, card_number) > ($1, $2)' : ''} ORDER BY owner, card_number LIMIT ${STORED_ID_PAGE}`,
        after ? [after.owner, after.card_number] : [],
      );
      for (const row of rows) yield row.stored_id;
      after = rows.length === STORED_ID_PAGE ? rows.at(-1) : undefined;
    } while (after);
  }

  /** Stops an ingest under way (a stop must not wait for a district's file) and lets the database go. */
  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort(new Error('the labour export store is closing'));
    await this.pool.end();
  }
}
