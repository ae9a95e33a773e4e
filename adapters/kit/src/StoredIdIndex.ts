import { normalizeCitizenId, type DataQualityIssue, type Department } from '@resident-graph/schemas';
import { InvalidIdIndex } from './InvalidIdIndex';
import { legacyIdIssue, type StoredKey } from './StoredKey';

/**
 * What a scan of every key a department stores tells a lookup, for systems that match
 * IDs exactly as stored: the other forms a canonical ID is stored under (15-digit,
 * full-width, spaced …), and the records whose stored ID fails validation.
 */
export class StoredIdIndex {
  private readonly otherForms = new Map<string, Set<string>>();
  private readonly legacyKeys = new Map<string, StoredKey[]>();
  private readonly invalid: InvalidIdIndex;

  constructor(
    private readonly department: Department,
    keys: Iterable<StoredKey>,
  ) {
    const unmatched: StoredKey[] = [];
    for (const key of keys) {
      const result = normalizeCitizenId(key.storedId);
      if (!result.ok) unmatched.push(key);
      else if (result.id !== key.storedId) this.otherForms.set(result.id, (this.otherForms.get(result.id) ?? new Set()).add(key.storedId));
      if (result.ok && result.converted) this.legacyKeys.set(result.id, [...(this.legacyKeys.get(result.id) ?? []), key]);
    }
    this.invalid = new InvalidIdIndex(department, unmatched);
  }

  /** The keys to ask the system for to find everything it holds under these IDs: each ID and the forms the scan saw it in. */
  storedFormsOf(citizenIds: readonly string[]): string[] {
    const forms = new Set<string>();
    for (const id of citizenIds) {
      forms.add(id);
      for (const form of this.otherForms.get(id) ?? []) forms.add(form);
    }
    return [...forms];
  }

  /** Records with an invalid stored ID one mistyped character away from `citizenId`. */
  issuesFor(citizenId: string): DataQualityIssue[] {
    return this.invalid.issuesFor(citizenId);
  }

  /**
   * Every issue the scan saw, by resident, in a lookup's order: the records one typo away
   * (`issuesFor`), then those stored under a 15-digit ID (which a lookup merges and reports
   * as `LEGACY_15_DIGIT_ID`).
   */
  issuesByResident(): Map<string, DataQualityIssue[]> {
    const issues = this.invalid.issuesByResident();
    for (const [citizenId, keys] of this.legacyKeys)
      issues.set(citizenId, [...(issues.get(citizenId) ?? []), ...keys.map((key) => legacyIdIssue(this.department, key))]);
    return issues;
  }
}
