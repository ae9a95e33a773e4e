import {
  createDepartmentPolicy,
  legacyIdIssue,
  refusedUnasked,
  StoredIdIndex,
  worstBreakerState,
  type ChangeApplier,
  type ChangeOutcome,
  type DataQualitySource,
  type DepartmentAdapter,
  type DepartmentLookup,
  type DepartmentResilience,
  type LinkedStoredIds,
} from '@resident-graph/adapter-kit';
import { normalizeCitizenId, type DataQualityIssue, type ReportedChange } from '@resident-graph/schemas';
import { createLogger } from '@resident-graph/service-kit';
import { createJsxxClient } from './createJsxxClient';
import type { FamilyPlanningRecord } from './FamilyPlanningRecord';
import { JsxxFormatError } from './jsxx/JsxxFormatError';
import { readJsxxPersonId } from './jsxx/readJsxxPersonId';
import { toJsxxDate } from './jsxx/jsxxDate';
import { nodesOf, textOf, textsOf, type XmlNode } from './jsxx/xmlNodes';
import { storedKeyOf } from './storedKeyOf';
import { toFamilyPlanningRecord } from './toFamilyPlanningRecord';
import { toJsxxEvent } from './toJsxxEvent';

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
export interface FamilyPlanningAdapter extends DepartmentAdapter<FamilyPlanningRecord>, DataQualitySource, ChangeApplier {
  /** Reads the list of stored IDs now (also done at start and periodically). */
  refreshIndex(): Promise<void>;
  /** For statistics: the stored IDs of the persons with a child born from `from` to `to` (`YYYY-MM-DD`, inclusive), filtered by the service itself. */
  parentIdsByChildBirth(from: string, to: string): Promise<string[]>;
  /** For statistics: the stored ID of every record the service holds, as stored. */
  storedIds(): Promise<string[]>;
  /** A birth needs the mother's record and must not be registered already. */
  checkChange(change: ReportedChange): Promise<string | null>;
}

const DEPARTMENT = 'family-planning';

const readParentIds = (response: XmlNode) => textsOf(response, 'SFZH', 'ListParentIdsByChildBirthResponse');

const readPersons = (response: XmlNode) =>
  nodesOf(response, 'Person', 'QueryPersonsResponse').map((person, i) => ({
    key: readJsxxPersonId(person, `Person[${i}]`),
    record: toFamilyPlanningRecord(person, `Person[${i}]`),
  }));

/** A receipt for the event sent with `idempotencyKey`: 处理结果 1 (受理), the 业务编号 echoed. */
function readReceipt(idempotencyKey: string) {
  return (response: XmlNode): ChangeOutcome => {
    const where = 'ReportEventResponse';
    const [number, result] = [textOf(response, 'YWBH', where), textOf(response, 'CLJG', where)];
    if (number !== idempotencyKey) throw new JsxxFormatError(`${where}: answers 业务编号 "${number}", not "${idempotencyKey}"`);
    if (result !== '1') throw new JsxxFormatError(`${where}: "${result}" is not a 处理结果 code`);
    return { outcome: 'ACCEPTED' };
  };
}

/**
 * The family-planning service behind the `DepartmentAdapter` interface. `lookup` is one
 * `QueryPersons` call per batch. The stored IDs are read with `ListPersonIds` at start and
 * then every `indexRefreshMs` (never per lookup): they tell which odd forms to ask for and
 * which records carry an invalid ID to report; each publication of issues reads them anew.
 */
export function createFamilyPlanningAdapter(options: FamilyPlanningAdapterOptions): FamilyPlanningAdapter {
  const logger = createLogger('adapter-family-planning');
  const client = createJsxxClient(options.baseUrl);
  const execute = createDepartmentPolicy({ ...options, department: DEPARTMENT });
  const executeIndexRead = createDepartmentPolicy({ department: DEPARTMENT, timeoutMs: options.indexTimeoutMs ?? 30_000, retries: 0 });
  // Reported changes have their own breaker: a slow or failing write must not open the lookups' breaker.
  const executeChange = createDepartmentPolicy({ ...options, department: DEPARTMENT });
  let index = StoredIdIndex.empty(DEPARTMENT);
  let indexRead = false;
  let reading: Promise<Map<string, DataQualityIssue[]>> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let calls = 0;

  /** Reads the stored IDs: keeps the index, and hands the issues the read saw to the caller (the publisher), keeping none. */
  function readIndex(): Promise<Map<string, DataQualityIssue[]>> {
    reading ??= executeIndexRead(async (signal) => {
      // Key by key as the answer is parsed: a district's list is never held whole.
      const scanner = StoredIdIndex.scanner(DEPARTMENT);
      await client.stream('ListPersonIds', {}, 'PersonId', readJsxxPersonId, (id) => scanner.add(storedKeyOf(id)), signal);
      return scanner.finish();
    })
      .then((scanned) => {
        index = scanned.index;
        indexRead = true;
        // The next periodic read counts from this one, whoever asked: the publisher's reads every five minutes make the timer's unneeded.
        scheduleIndexRead(options.indexRefreshMs ?? 300_000);
        return scanned.issues;
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  }

  function scheduleIndexRead(delayMs: number): void {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      readIndex().catch((error: unknown) => {
        if (closed) return;
        logger.warn({ err: error }, 'could not read the stored IDs of family planning; trying again');
        scheduleIndexRead(options.indexRetryMs ?? 1_000);
      });
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

  /** How the service stores these persons — the form it answers each under — asked of it; an ID it does not hold stays as it is. */
  async function storedIdsOf(citizenIds: readonly string[]): Promise<Map<string, string>> {
    const persons = await executeChange((signal) => client.call('QueryPersons', { SFZH: index.storedFormsOf(citizenIds) }, readPersons, signal));
    const stored = new Map<string, string>();
    for (const { key } of persons) {
      const normalized = normalizeCitizenId(key.SFZH);
      if (normalized.ok && citizenIds.includes(normalized.id) && !stored.has(normalized.id)) stored.set(normalized.id, key.SFZH);
    }
    return stored;
  }

  async function applyChange(change: ReportedChange, idempotencyKey: string): Promise<ChangeOutcome> {
    const refusal = refusedUnasked(change, DEPARTMENT, 'family planning');
    if (refusal !== null) return { outcome: 'REJECTED', reason: refusal };
    // Persons are keyed as the service stores them: asked of it, in every form the last read of its stored IDs saw.
    if (!indexRead) await readIndex();
    const named = [change.residentId, change.spouse?.spouseId, change.birth?.motherId, change.birth?.fatherId].filter((id) => typeof id === 'string');
    const stored = await storedIdsOf(named);
    const event = toJsxxEvent(change, idempotencyKey, (citizenId) => stored.get(citizenId) ?? citizenId);
    // CHANGE_RULES giving family planning a kind the service has no 事件类型 for.
    if (!event) return { outcome: 'REJECTED', reason: `family planning registers no event for ${change.kind}` };
    const outcome = await executeChange((signal) =>
      client.call('ReportEvent', event, readReceipt(idempotencyKey), signal, (reason): ChangeOutcome => ({ outcome: 'REJECTED', reason })),
    );
    logger.info({ kind: change.kind, idempotencyKey, outcome: outcome.outcome }, 'change reported to family planning');
    return outcome;
  }

  async function checkChange(change: ReportedChange): Promise<string | null> {
    if (change.kind !== 'BIRTH' || !change.birth) return null;
    const { motherId, childName } = change.birth;
    const mother = (await lookup([motherId])).get(motherId)?.record;
    if (!mother) return `family planning holds no record of the mother ${motherId}: 生育登记 needs her record`;
    const known = mother.children.find((child) => child.name === childName && child.birthDate === change.occurredOn);
    return known ? `${childName}, born ${change.occurredOn}, is already registered on the mother's record` : null;
  }

  return {
    department: DEPARTMENT,
    lookup,
    applyChange,
    checkChange,
    /** `QueryPersons` requests sent (retries included); index reads and health checks are not lookups. */
    callsMade: () => calls,
    breakerState: () => worstBreakerState(execute, executeChange),
    checkHealth: () => execute((signal) => client.fetchWsdl(signal)),
    refreshIndex: async () => {
      await readIndex();
    },
    // A read of its own, never the empty index of a process whose first read has not succeeded: that would publish no issues as if there were none.
    issuesByResident: readIndex,
    // Whole-population reads, so under the time limit of the list of stored IDs; not lookups.
    parentIdsByChildBirth: (from, to) =>
      executeIndexRead((signal) => client.call('ListParentIdsByChildBirth', { CSRQQ: toJsxxDate(from), CSRQZ: toJsxxDate(to) }, readParentIds, signal)),
    storedIds: () =>
      executeIndexRead(async (signal) => {
        const ids: string[] = [];
        await client.stream('ListPersonIds', {}, 'PersonId', readJsxxPersonId, (id) => ids.push(id.SFZH), signal);
        return ids;
      }),
    async close() {
      closed = true;
      clearTimeout(timer);
    },
  } satisfies FamilyPlanningAdapter;
}
