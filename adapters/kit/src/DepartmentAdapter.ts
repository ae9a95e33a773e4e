import { CHANGE_MEMBER, departmentsFor, type DataQualityIssue, type Department, type DepartmentId, type ReportedChange } from '@resident-graph/schemas';
import type { BreakerState } from './createDepartmentPolicy';

/** What a department knows about one resident, plus what it could not reconcile. */
export interface DepartmentLookup<TRecord> {
  record: TRecord | null;
  issues: DataQualityIssue[];
}

/**
 * Stored IDs that do not name a resident as they are, linked to one (identity resolution's
 * link table): stored ID → canonical citizen ID. The department's data stays as it is.
 */
export type LinkedStoredIds = ReadonlyMap<string, string>;

/**
 * The one interface every adapter implements. `lookup` costs one call to the
 * department's system however many IDs it is given (IDs are canonical 18-character
 * citizen IDs); every ID asked for has an entry in the answer. An adapter that reads
 * records by stored ID also reads those `linked` to the IDs asked for, as theirs.
 */
export interface DepartmentAdapter<TRecord> {
  readonly department: DepartmentId;
  lookup(citizenIds: readonly string[], linked?: LinkedStoredIds): Promise<Map<string, DepartmentLookup<TRecord>>>;
  /** Calls made to the department's system since start (exposed for call-count checks). */
  callsMade(): number;
  /** Resolves when the department's system answers; rejects with a `DepartmentError`. */
  checkHealth(): Promise<void>;
  /** Its lookups' circuit breaker (`createDepartmentPolicy`): readiness reports it, `open` meaning calls are refused. */
  breakerState(): BreakerState;
  close(): Promise<void>;
}

/**
 * A department whose records raise data-quality issues publishes all of them at once
 * (subgraph-kit `publishDataQuality`), so `Resident.dataQualityIssues` can be answered
 * without asking the department during a read. The same issues its lookups report, by resident.
 */
export interface DataQualitySource {
  issuesByResident(): Promise<ReadonlyMap<string, readonly DataQualityIssue[]>>;
}

/** What a department's system decided about a change delivered to it. */
export type ChangeOutcome = { outcome: 'ACCEPTED' } | { outcome: 'REJECTED'; reason: string };

/**
 * A department that acts on reported changes (`CHANGE_RULES` in schemas) applies them in its
 * own system, in its own protocol. `idempotencyKey` (the delivery's id) is kept by the
 * department's system with the outcome: applying the same key again changes nothing and
 * answers the first outcome. A refusal by the department's own rules is `REJECTED` with its
 * reason (not retried); a system that cannot be asked throws a `DepartmentError`
 * (`DEPARTMENT_UNAVAILABLE` / `DEPARTMENT_TIMEOUT`: the delivery is retried later).
 */
export interface ChangeApplier {
  applyChange(change: ReportedChange, idempotencyKey: string): Promise<ChangeOutcome>;
  /**
   * Before a change is accepted for delivery: why it cannot be, by what this department's
   * records hold (a marriage of a person registered married, a death of one registered
   * dead), or `null`. Reads only; throws a `DepartmentError` when the system cannot be asked.
   */
  checkChange?(change: ReportedChange): Promise<string | null>;
}

/** Whether an adapter applies reported changes: the subgraph kit then serves the change protocol's routes for it. */
export function isChangeApplier(adapter: object): adapter is ChangeApplier {
  return typeof (adapter as Partial<ChangeApplier>).applyChange === 'function';
}

/**
 * Why a department refuses a change without asking its system: a kind it does not act on
 * (`CHANGE_RULES`), or a change without what its kind needs (`CHANGE_MEMBER`, a resident
 * unless it is a birth) — asking again would not supply it, so it is rejected, not retried.
 * The subgraph kit's route checks the same before an adapter is called; an adapter called
 * directly checks it here. `null` when the change is one to ask about.
 */
export function refusedUnasked(change: ReportedChange, department: DepartmentId, departmentName: string): string | null {
  if (!departmentsFor(change.kind).includes(department as Department)) return `${departmentName} does not act on ${change.kind}`;
  const member = CHANGE_MEMBER[change.kind];
  if (member !== null && !change[member]) return `${change.kind} without its ${member}`;
  // A birth names its parents instead.
  if (change.kind !== 'BIRTH' && !change.residentId) return `${change.kind} names no resident`;
  return null;
}
