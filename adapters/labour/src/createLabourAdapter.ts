import {
  createDepartmentPolicy,
  type ChangeApplier,
  type ChangeOutcome,
  type DataQualitySource,
  type DepartmentAdapter,
  type DepartmentLookup,
  type DepartmentResilience,
  type LinkedStoredIds,
} from '@resident-graph/adapter-kit';
import { createLogger } from '@resident-graph/service-kit';
import { z } from 'zod';
import { callBureau } from './callBureau';
import type { EmploymentStatus } from '@resident-graph/schemas';
import { EMPLOYMENT_STATUS_BY_CODE, codeOf, toBureauDate } from './bureauCodes';
import {
  businessAnswerSchema,
  CARD_CLOSE_PATH,
  CLOSE_REASON_DEATH,
  JOB_STATUS_PATH,
  type BusinessAnswer,
  type CardCloseRequest,
  type JobStatusRequest,
  CARDS_BY_STATUS_PATH,
  CARDS_QUERY_PATH,
  STATUS_PATH,
  cardsAnswerSchema,
  cardsByStatusAnswerSchema,
  type CardFacts,
  type CardsByStatusQuery,
  type CardsQuery,
} from './cardsApi';
import type { ExportStats } from './ExportCard';
import { LabourExportSource } from './export/LabourExportSource';
import { LabourExportStore, type ExportDatabase } from './export/LabourExportStore';
import type { LabourRecord } from './LabourRecord';
import { toLabourRecord } from './toLabourRecord';

/** The bureau; resilience settings of its API calls (`timeoutMs` of one call …) where they differ from the defaults. */
export interface LabourAdapterOptions extends Partial<DepartmentResilience> {
  /** The bureau's query API, e.g. `http://127.0.0.1:4204`. */
  baseUrl: string;
  /** Where the nightly `shebao_YYYYMMDD.csv` exports arrive. */
  exportDir: string;
  /** How often at most to look for a newer export. @default 60000 */
  exportCheckIntervalMs?: number;
  /** Where the newest export is ingested and read from by key. */
  database: ExportDatabase;
}

/** The labour adapter's extras beside the common interface. */
export interface LabourAdapter extends DepartmentAdapter<LabourRecord>, DataQualitySource, ChangeApplier {
  /** Looks for a newer export now instead of waiting for the next check. */
  refreshExport(): Promise<void>;
  /** The export in use: file, rows read, cards, rows skipped as malformed. */
  exportStats(): ExportStats | null;
  /**
   * For statistics: the stored IDs of the residents with a card whose employment status, as
   * the bureau holds it now, is `status`, filtered by the bureau's API. `UNKNOWN`: those
   * with no card of a status among the bureau's codes (no employment record, or unknown
   * to the API), so it never overlaps another status.
   */
  holdersOfStatus(status: EmploymentStatus): Promise<string[]>;
  /** For statistics: the citizen ID of every card of the export, as stored, read a page at a time. */
  storedIds(): AsyncIterable<string>;
}

const statusAnswerSchema = z.object({ retCode: z.literal(0) });

/** The canonical statuses the bureau's code table has (UNKNOWN is the absence of a record, not a status one registers). */
const STATUS_CODES = new Map(Object.entries(EMPLOYMENT_STATUS_BY_CODE).map(([code, status]) => [status as string, code]));

/** The bureau's answer to a business: 办结 is accepted, its refusal a rejection in its own words. */
const outcomeOf = (answer: BusinessAnswer): ChangeOutcome =>
  answer.retCode === 0 ? { outcome: 'ACCEPTED' } : { outcome: 'REJECTED', reason: `labour bureau refused (${answer.retCode}): ${answer.retMsg}` };

/**
 * The labour bureau: its nightly export maps citizen IDs to social security cards and
 * lists their insurance; its query API answers the current employment facts per card.
 */
export function createLabourAdapter(options: LabourAdapterOptions): LabourAdapter {
  const logger = createLogger('adapter-labour');
  const execute = createDepartmentPolicy({ ...options, department: 'labour' });
  const store = new LabourExportStore(options.database);
  const exportSource = new LabourExportSource(options.exportDir, store, options.exportCheckIntervalMs ?? 60_000, logger);
  let calls = 0;
  // Ingest a new export now: a district's file takes a while, which the first request should not wait for.
  exportSource.refresh().catch((error: unknown) => logger.error({ err: error }, 'labour export not readable at start'));

  /** The export's residents, each with the cards linked to them (identity resolution): those are theirs, whatever ID they are stored under. */
  async function residentsWithLinkedCards(citizenIds: readonly string[], linked: LinkedStoredIds) {
    await exportSource.current();
    const ids = [...new Set(citizenIds)];
    const [residents, storedUnder] = await Promise.all([store.residents(ids), store.cardsStoredUnder([...linked.keys()])]);
    for (const [storedId, owner] of linked) residents.get(owner)?.cards.push(...(storedUnder.get(storedId) ?? []));
    return residents;
  }

  async function queryCards(cardNumbers: string[]): Promise<Map<string, CardFacts>> {
    if (cardNumbers.length === 0) return new Map();
    const answer = await execute((signal) => {
      calls++;
      const body: CardsQuery = { cardNumbers };
      return callBureau({ baseUrl: options.baseUrl, path: CARDS_QUERY_PATH, method: 'POST', body, answer: cardsAnswerSchema, signal });
    });
    return new Map(answer.result.map((facts) => [facts.cardNo, facts]));
  }

  return {
    department: 'labour' as const,

    async lookup(citizenIds: readonly string[], linked: LinkedStoredIds = new Map()): Promise<Map<string, DepartmentLookup<LabourRecord>>> {
      const residents = await residentsWithLinkedCards(citizenIds, linked);
      const cardNumbers = [...new Set([...residents.values()].flatMap(({ cards }) => cards.map((card) => card.cardNumber)))];
      const factsByCard = await queryCards(cardNumbers);
      return new Map([...residents].map(([id, { cards, issues }]) => [id, { record: toLabourRecord(cards, factsByCard), issues }]));
    },

    /**
     * An employment change is the bureau's 就业失业登记 on the resident's card, a death its
     * 社保卡注销 (insurance ended); the delivery id is the business number (`reqNo`), which
     * the bureau keeps with its answer. The card is the one the export lists for the resident
     * and the API knows (as a lookup reads it); a resident without one is rejected.
     */
    async applyChange(change, idempotencyKey) {
      if (change.kind !== 'EMPLOYMENT_CHANGE' && change.kind !== 'DEATH') return { outcome: 'REJECTED', reason: `the labour bureau takes no ${change.kind}` };
      const resident = (await residentsWithLinkedCards([change.residentId!], new Map())).get(change.residentId!);
      const cards = (resident?.cards ?? []).map((card) => card.cardNumber);
      const known = await queryCards(cards);
      const cardNo = cards.find((card) => known.has(card)) ?? cards[0];
      if (cardNo === undefined) return { outcome: 'REJECTED', reason: 'no social security card for this citizen' };
      const date = toBureauDate(change.occurredOn);
      if (change.kind === 'DEATH') {
        const body: CardCloseRequest = { reqNo: idempotencyKey, cardNo, closeReason: CLOSE_REASON_DEATH, closeDate: date };
        return outcomeOf(
          await execute((signal) =>
            callBureau({ baseUrl: options.baseUrl, path: CARD_CLOSE_PATH, method: 'POST', body, answer: businessAnswerSchema, signal }),
          ),
        );
      }
      const status = change.employment!.status;
      const jobStatus = STATUS_CODES.get(status);
      if (jobStatus === undefined) return { outcome: 'REJECTED', reason: `the bureau's 就业状态代码 has no code for ${status}` };
      const body: JobStatusRequest = { reqNo: idempotencyKey, cardNo, jobStatus, changeDate: date };
      return outcomeOf(
        await execute((signal) => callBureau({ baseUrl: options.baseUrl, path: JOB_STATUS_PATH, method: 'POST', body, answer: businessAnswerSchema, signal })),
      );
    },

    /** Calls made to the query API by lookups (health checks are not counted). */
    callsMade: () => calls,

    breakerState: () => execute.breakerState(),

    async checkHealth(): Promise<void> {
      await exportSource.current();
      await execute((signal) => callBureau({ baseUrl: options.baseUrl, path: STATUS_PATH, method: 'GET', answer: statusAnswerSchema, signal }));
    },

    refreshExport: () => exportSource.refresh(),

    exportStats: () => exportSource.stats(),

    async issuesByResident() {
      await exportSource.current();
      const residents = await residentsWithLinkedCards(await store.residentsWithIssues(), new Map());
      return new Map([...residents].flatMap(([id, { issues }]) => (issues.length > 0 ? [[id, issues]] : [])));
    },

    async holdersOfStatus(status) {
      await exportSource.current();
      const unknown = status === 'UNKNOWN';
      const body: CardsByStatusQuery = { jobStatuses: unknown ? Object.keys(EMPLOYMENT_STATUS_BY_CODE) : [codeOf(EMPLOYMENT_STATUS_BY_CODE, status)] };
      const answer = await execute((signal) =>
        callBureau({ baseUrl: options.baseUrl, path: CARDS_BY_STATUS_PATH, method: 'POST', body, answer: cardsByStatusAnswerSchema, signal }),
      );
      return store.storedIdsOfHolders(answer.result, !unknown);
    },

    async *storedIds() {
      await exportSource.current();
      yield* store.storedIds();
    },

    /** Export checks run on demand, not on a timer: an ingest under way is stopped, and the database let go. */
    close: () => store.close(),
  };
}
