import { citizenIdsOneTypoAway, type DataQualityIssue, type Department } from '@resident-graph/schemas';
import type { StoredKey } from './StoredKey';

/**
 * Department records whose stored ID fails validation, indexed by every valid ID one
 * mistyped character away. A lookup of a resident then reports such a record as an
 * `INVALID_CITIZEN_ID` issue instead of either merging it or losing it.
 */
export class InvalidIdIndex {
  private readonly byCandidate = new Map<string, StoredKey[]>();

  constructor(
    private readonly department: Department,
    records: Iterable<StoredKey>,
  ) {
    for (const record of records) {
      for (const candidate of citizenIdsOneTypoAway(record.storedId)) {
        const list = this.byCandidate.get(candidate) ?? [];
        list.push(record);
        this.byCandidate.set(candidate, list);
      }
    }
  }

  issuesFor(citizenId: string): DataQualityIssue[] {
    return (this.byCandidate.get(citizenId) ?? []).map((record) => ({
      department: this.department,
      kind: 'INVALID_CITIZEN_ID',
      storedId: record.storedId,
      recordReference: record.recordReference,
      nameOnRecord: record.nameOnRecord,
    }));
  }

  /** Every resident a record could belong to, with its issues: `issuesFor` of all of them at once. */
  issuesByResident(): Map<string, DataQualityIssue[]> {
    return new Map([...this.byCandidate.keys()].map((citizenId) => [citizenId, this.issuesFor(citizenId)]));
  }
}
