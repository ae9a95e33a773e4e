import type { Department } from './truth';

/**
 * What an adapter could not reconcile in a department's records, reported on the
 * resident instead of silently merged or dropped.
 * - `INVALID_CITIZEN_ID`: a record whose ID fails validation and is one mistyped
 *   character away from this resident's ID; it is *not* merged into the section.
 * - `LEGACY_15_DIGIT_ID`: the record is keyed by a pre-1999 15-digit ID; it was converted
 *   and matched.
 */
export type DataQualityIssueKind = 'INVALID_CITIZEN_ID' | 'LEGACY_15_DIGIT_ID';
export const DATA_QUALITY_ISSUE_KINDS: readonly DataQualityIssueKind[] = ['INVALID_CITIZEN_ID', 'LEGACY_15_DIGIT_ID'];

export interface DataQualityIssue {
  department: Department;
  kind: DataQualityIssueKind;
  /** The key exactly as the department stores it. */
  storedId: string;
  /** The department's own reference for the record (case number, card number …). */
  recordReference: string;
  /** The name on the department's record, for staff to judge a possible match. */
  nameOnRecord: string | null;
}
