import {
  createDepartmentPolicy,
  InvalidIdIndex,
  legacyIdIssue,
  type ChangeApplier,
  type DepartmentAdapter,
  type DepartmentLookup,
  type DepartmentPolicyOptions,
} from '@resident-graph/adapter-kit';
import { normalizeCitizenId, type DataQualityIssue } from '@resident-graph/schemas';
import { CHANGE_PATHS, RawChangeAnswer, RawCheckAnswer } from './changeWire';
import { PublicSecurityClient } from './PublicSecurityClient';
import { toChangeOutcome, toChangeRequest } from './registerChange';
import type { HouseholdRecord, PublicSecurityRecord, StatisticsRow } from './PublicSecurityRecord';
import { toHouseholdRecord, toPublicSecurityRecord, toStatisticsRow } from './toCanonical';
import { MAX_EXPORT_PAGE_SIZE, MAX_PAGE_SIZE, PATHS, RawHousehold, RawPerson, RawStatisticsRow } from './wireFormat';

export interface PublicSecurityAdapterOptions extends Omit<DepartmentPolicyOptions, 'department'> {
  /** Where the household-registration system answers, e.g. `http://127.0.0.1:4201`. */
  baseUrl: string;
  /** Records asked for per page (the system refuses more than 500). @default 500 */
  pageSize?: number;
  /** Further sends of a rate-limited request, each after its `Retry-After`. @default 3 */
  rateLimitRetries?: number;
  /** How long the system's list of records with invalid IDs is reused. @default 600000 */
  invalidIdRefreshMs?: number;
}

export interface PublicSecurityAdapter extends DepartmentAdapter<PublicSecurityRecord>, Required<ChangeApplier> {
  /** Registered households by household number (户号), in one call; `null` where unknown. */
  lookupHouseholds(householdIds: readonly string[]): Promise<Map<string, HouseholdRecord | null>>;
  /**
   * Every stored person's statistics fields from the system's export (统计导出), a page
   * at a time: analysts' counts are evaluated over one pass, never record by record.
   */
  statisticsRows(): AsyncGenerator<StatisticsRow[]>;
}

/**
 * Anti-corruption layer over the household-registration (户籍) and floating-population
 * system. Records come back with the ID as stored (15-digit, full-width, lower-case x);
 * they are matched on the canonical ID. Records whose stored ID fails validation are
 * never matched: the system lists them (校验异常) and they are reported as issues on the
 * residents they might belong to.
 */
export function createPublicSecurityAdapter(options: PublicSecurityAdapterOptions): PublicSecurityAdapter {
  const execute = createDepartmentPolicy({ ...options, department: 'public-security' });
  const client = new PublicSecurityClient({
    baseUrl: options.baseUrl,
    execute,
    pageSize: Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE),
    rateLimitRetries: options.rateLimitRetries ?? 3,
  });
  const refreshMs = options.invalidIdRefreshMs ?? 600_000;
  let invalidIds: { loadedAt: number; index: Promise<InvalidIdIndex> } | null = null;

  function invalidIdIndex(): Promise<InvalidIdIndex> {
    if (invalidIds && Date.now() - invalidIds.loadedAt < refreshMs) return invalidIds.index;
    const index = client.queryAll(PATHS.invalidIds, {}, RawPerson).then(
      (records) =>
        new InvalidIdIndex(
          'public-security',
          records.map((r) => ({ storedId: r.GMSFHM, recordReference: r.RYBH, nameOnRecord: r.XM })),
        ),
    );
    const loading = { loadedAt: Date.now(), index };
    invalidIds = loading;
    index.catch(() => {
      if (invalidIds === loading) invalidIds = null;
    });
    return index;
  }

  return {
    department: 'public-security',

    async lookup(citizenIds) {
      const ids = [...new Set(citizenIds)];
      if (ids.length === 0) return new Map();
      const [records, index] = await Promise.all([client.queryAll(PATHS.persons, { GMSFHM: ids }, RawPerson), invalidIdIndex()]);
      const found = new Map<string, { raw: RawPerson; legacy: boolean }>();
      for (const raw of records) {
        const id = normalizeCitizenId(raw.GMSFHM);
        if (id.ok && !found.has(id.id)) found.set(id.id, { raw, legacy: id.converted });
      }
      const answer = new Map<string, DepartmentLookup<PublicSecurityRecord>>();
      for (const id of ids) {
        const hit = found.get(id);
        const issues: DataQualityIssue[] = [];
        if (hit?.legacy) {
          issues.push(legacyIdIssue('public-security', { storedId: hit.raw.GMSFHM, recordReference: hit.raw.RYBH, nameOnRecord: hit.raw.XM }));
        }
        issues.push(...index.issuesFor(id));
        answer.set(id, { record: hit ? toPublicSecurityRecord(hit.raw, id) : null, issues });
      }
      return answer;
    },

    async lookupHouseholds(householdIds) {
      const ids = [...new Set(householdIds)];
      if (ids.length === 0) return new Map();
      const records = await client.queryAll(PATHS.households, { HH: ids }, RawHousehold);
      const byId = new Map(records.map((raw) => [raw.HH, toHouseholdRecord(raw)]));
      return new Map(ids.map((id) => [id, byId.get(id) ?? null]));
    },

    async *statisticsRows() {
      let row = 0;
      for await (const page of client.pages(PATHS.statisticsExport, {}, RawStatisticsRow, MAX_EXPORT_PAGE_SIZE)) {
        yield page.map((raw) => toStatisticsRow(raw, `export row ${++row}`));
      }
    },

    /**
     * Submits the change to the register's change business under the delivery id as its
     * business serial number (业务流水号), so a retry is answered with the first result;
     * the register's own rules decide (不予受理 is a rejection with its reason).
     */
    async applyChange(change, idempotencyKey) {
      const request = toChangeRequest(change);
      if (!request) return { outcome: 'REJECTED', reason: `the household register takes no ${change.kind}` };
      const answer = await client.call(CHANGE_PATHS.submit, { ...request, YWLSH: idempotencyKey }, RawChangeAnswer);
      return toChangeOutcome(answer.JG);
    },

    /** The register's pre-check (预审): its own rules, nothing written. */
    async checkChange(change) {
      const request = toChangeRequest(change);
      if (!request) return null;
      const answer = await client.call(CHANGE_PATHS.check, request, RawCheckAnswer);
      return answer.JG.KYBL === '1' ? null : `household register pre-check failed (预审不通过): ${answer.JG.YY ?? 'no reason given'}`;
    },

    callsMade: () => client.callsMade(),

    breakerState: () => execute.breakerState(),

    async checkHealth() {
      await client.queryAll(PATHS.persons, { GMSFHM: [] }, RawPerson);
    },

    async close() {
      invalidIds = null;
    },
  } satisfies PublicSecurityAdapter;
}
