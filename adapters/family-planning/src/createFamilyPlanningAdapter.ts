import {
  createDepartmentPolicy,
  legacyIdIssue,
  StoredIdIndex,
  type DataQualitySource,
  type DepartmentAdapter,
  type DepartmentLookup,
  type DepartmentResilience,
  type LinkedStoredIds,
} from '@resident-graph/adapter-kit';
import { normalizeCitizenId } from '@resident-graph/schemas';
import { createLogger } from '@resident-graph/service-kit';
import { createJsxxClient } from './createJsxxClient';
import type { FamilyPlanningRecord } from './FamilyPlanningRecord';
import { readJsxxPersonId } from './jsxx/readJsxxPersonId';
import { toJsxxDate } from './jsxx/jsxxDate';
import { nodesOf, textsOf, type XmlNode } from './jsxx/xmlNodes';
import { storedKeyOf } from './storedKeyOf';
import { toFamilyPlanningRecord } from './toFamilyPlanningRecord';

/** The service; resilience settings of lookups (`timeoutMs` of one attempt, `retries` …) where they differ from the defaults. */
export interface FamilyPlanningAdapterOptions extends Partial<DepartmentResilience> {
  /** Where the service runs, e.g. `http://127.0.0.1:4203`. */
  baseUrl: string;
  /** How often the list of stored IDs is read again. @default 300000 */
  indexRefreshMs?: number;
  /** How soon a failed read of that list is tried again. @default 1000 */
  indexRetryMs?: number;
  /** Time limit of reading that list, which grows with the population. @default 30000 */
  indexTimeoutMs?: number;
}

/** The `DepartmentAdapter` of family planning, plus a way to re-read the stored IDs on demand. */
export interface FamilyPlanningAdapter extends DepartmentAdapter<FamilyPlanningRecord>, DataQualitySource {
  /** Reads the list of stored IDs now (also done at start and periodically). */
  refreshIndex(): Promise<void>;
  /** For statistics: the stored IDs of the persons with a child born from `from` to `to` (`YYYY-MM-DD`, inclusive), filtered by the service itself. */
  parentIdsByChildBirth(from: string, to: string): Promise<string[]>;
  /** For statistics: the stored ID of every record the service holds, as stored. */
  storedIds(): Promise<string[]>;
}

const DEPARTMENT = 'family-planning';

const readPersonIds = (response: XmlNode) =>
  nodesOf(response, 'PersonId', 'ListPersonIdsResponse').map((entry, i) => readJsxxPersonId(entry, `PersonId[${i}]`));

const readParentIds = (response: XmlNode) => textsOf(response, 'SFZH', 'ListParentIdsByChildBirthResponse');

const readPersons = (response: XmlNode) =>
  nodesOf(response, 'Person', 'QueryPersonsResponse').map((person, i) => ({
    key: readJsxxPersonId(person, `Person[${i}]`),
    record: toFamilyPlanningRecord(person, `Person[${i}]`),
  }));

/**
 * The family-planning service behind the `DepartmentAdapter` interface. `lookup` is one
 * `QueryPersons` call per batch. The stored IDs are read with `ListPersonIds` at start and
 * then every `indexRefreshMs` (never per lookup): they tell which other forms to ask for
 * and which records carry an invalid ID to report.
 */
export function createFamilyPlanningAdapter(options: FamilyPlanningAdapterOptions): FamilyPlanningAdapter {
  const logger = createLogger('adapter-family-planning');
  const client = createJsxxClient(options.baseUrl);
  const execute = createDepartmentPolicy({ ...options, department: DEPARTMENT });
  const executeIndexRead = createDepartmentPolicy({ department: DEPARTMENT, timeoutMs: options.indexTimeoutMs ?? 30_000, retries: 0 });
  let index = new StoredIdIndex(DEPARTMENT, []);
  let indexRead = false;
  let reading: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let calls = 0;

  function refreshIndex(): Promise<void> {
    reading ??= executeIndexRead((signal) => client.call('ListPersonIds', {}, readPersonIds, signal))
      .then((entries) => {
        index = new StoredIdIndex(DEPARTMENT, entries.map(storedKeyOf));
        indexRead = true;
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  }

  function scheduleIndexRead(delayMs: number): void {
    if (closed) return;
    timer = setTimeout(() => {
      refreshIndex().then(
        () => scheduleIndexRead(options.indexRefreshMs ?? 300_000),
        (error: unknown) => {
          if (closed) return;
          logger.warn({ err: error }, 'could not read the stored IDs of family planning; trying again');
          scheduleIndexRead(options.indexRetryMs ?? 1_000);
        },
      );
    }, delayMs);
    timer.unref();
  }
  scheduleIndexRead(0);

  async function lookup(citizenIds: readonly string[], linked: LinkedStoredIds = new Map()): Promise<Map<string, DepartmentLookup<FamilyPlanningRecord>>> {
    const current = index;
    const answer = new Map<string, DepartmentLookup<FamilyPlanningRecord>>(citizenIds.map((id) => [id, { record: null, issues: current.issuesFor(id) }]));
    if (answer.size === 0) return answer;
    const storedIds = [...current.storedFormsOf([...answer.keys()]), ...linked.keys()];
    const persons = await execute((signal) => {
      calls++;
      return client.call('QueryPersons', { SFZH: storedIds }, readPersons, signal);
    });
    for (const { key, record } of persons) {
      // A record linked to a resident (identity resolution) is theirs, whatever its stored ID says.
      const linkedTo = linked.get(key.SFZH);
      const normalized = normalizeCitizenId(key.SFZH);
      const owner = linkedTo ?? (normalized.ok ? normalized.id : undefined);
      const entry = owner === undefined ? undefined : answer.get(owner);
      if (!entry || entry.record) continue;
      entry.record = record;
      if (linkedTo === undefined && normalized.ok && normalized.converted) {
        entry.issues.push(legacyIdIssue(DEPARTMENT, storedKeyOf(key)));
      }
    }
    return answer;
  }

  return {
    department: DEPARTMENT,
    lookup,
    /** `QueryPersons` requests sent (retries included); index reads and health checks are not lookups. */
    callsMade: () => calls,
    breakerState: () => execute.breakerState(),
    checkHealth: () => execute((signal) => client.fetchWsdl(signal)),
    refreshIndex,
    // Never the empty index of a process whose first read has not succeeded: that would publish no issues as if there were none.
    async issuesByResident() {
      if (!indexRead) await refreshIndex();
      return index.issuesByResident();
    },
    // Whole-population reads, so under the time limit of the list of stored IDs; not lookups.
    parentIdsByChildBirth: (from, to) =>
      executeIndexRead((signal) => client.call('ListParentIdsByChildBirth', { CSRQQ: toJsxxDate(from), CSRQZ: toJsxxDate(to) }, readParentIds, signal)),
    storedIds: async () => (await executeIndexRead((signal) => client.call('ListPersonIds', {}, readPersonIds, signal))).map((id) => id.SFZH),
    async close() {
      closed = true;
      clearTimeout(timer);
    },
  } satisfies FamilyPlanningAdapter;
}
