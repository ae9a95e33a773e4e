import type { Department } from './truth';

/**
 * What an adapter could not reconcile in a department's records, reported on the
 * resident instead of silently merged or dropped.
 * - `INVALID_CITIZEN_ID`: a record whose ID fails validation and is one mistyped
 *   character away from this resident's ID; it is *not* merged into the section.
 * - `LEGACY_15_DIGIT_ID`: the record is keyed by a pre-1999 15-digit ID; it was converted
 *   and matched.
 * - `LINKED_RECORD`: the record is stored under an ID that does not name this resident as it
 *   is, and a link (automatic when certain, or confirmed by an officer) says it is theirs:
 *   its data is in the section; `grade` says how sure the link is.
 * - `UNRESOLVED_RECORD`: the record's stored ID does not resolve and this resident is one of
 *   the candidates waiting for the owning department's review, with its `grade`.
 * - `NAME_VARIANT`: the record names this resident in another script (traditional characters).
 */
export type DataQualityIssueKind = 'INVALID_CITIZEN_ID' | 'LEGACY_15_DIGIT_ID' | 'LINKED_RECORD' | 'UNRESOLVED_RECORD' | 'NAME_VARIANT';
export const DATA_QUALITY_ISSUE_KINDS: readonly DataQualityIssueKind[] = [
  'INVALID_CITIZEN_ID',
  'LEGACY_15_DIGIT_ID',
  'LINKED_RECORD',
  'UNRESOLVED_RECORD',
  'NAME_VARIANT',
];

/**
 * How sure a link between a department record and a resident is.
 * - `CERTAIN`: applied automatically; the evidence leaves one reading.
 * - `PROBABLE`: one reading is much likelier than any other; an officer confirms it.
 * - `POSSIBLE`: the ID points at the resident but little else agrees; an officer decides.
 */
export type LinkGrade = 'CERTAIN' | 'PROBABLE' | 'POSSIBLE';
export const LINK_GRADES: readonly LinkGrade[] = ['CERTAIN', 'PROBABLE', 'POSSIBLE'];

export interface DataQualityIssue {
  department: Department;
  kind: DataQualityIssueKind;
  /** The key exactly as the department stores it. */
  storedId: string;
  /** The department's own reference for the record (case number, card number …). */
  recordReference: string;
  /** The name on the department's record, for staff to judge a possible match. */
  nameOnRecord: string | null;
  /** `LINKED_RECORD` and `UNRESOLVED_RECORD`: how sure the link is. */
  grade?: LinkGrade;
  /** `LINKED_RECORD` and `UNRESOLVED_RECORD`: the rule that gave the grade, in words staff can check. */
  reason?: string;
}
