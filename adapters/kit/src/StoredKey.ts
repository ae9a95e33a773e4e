import type { DataQualityIssue, Department } from '@resident-graph/schemas';

/** How a department record is keyed, exactly as the department stores it. */
export interface StoredKey {
  storedId: string;
  /** The department's own reference for the record (case number, card number …). */
  recordReference: string;
  nameOnRecord: string | null;
}

/** A record stored under a pre-1999 15-digit ID, converted and matched: said on the resident, not hidden. */
export function legacyIdIssue(department: Department, key: StoredKey): DataQualityIssue {
  return { department, kind: 'LEGACY_15_DIGIT_ID', storedId: key.storedId, recordReference: key.recordReference, nameOnRecord: key.nameOnRecord };
}
