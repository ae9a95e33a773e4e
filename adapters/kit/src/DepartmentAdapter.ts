import type { DataQualityIssue, DepartmentId } from '@resident-graph/schemas';
import type { BreakerState } from './createDepartmentPolicy';

/** What a department knows about one resident, plus what it could not reconcile. */
export interface DepartmentLookup<TRecord> {
  record: TRecord | null;
  issues: DataQualityIssue[];
}

/**
 * The one interface every adapter implements. `lookup` costs one call to the
 * department's system however many IDs it is given (IDs are canonical 18-character
 * citizen IDs); every ID asked for has an entry in the answer.
 */
export interface DepartmentAdapter<TRecord> {
  readonly department: DepartmentId;
  lookup(citizenIds: readonly string[]): Promise<Map<string, DepartmentLookup<TRecord>>>;
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
