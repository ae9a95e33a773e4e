import { normalizeCitizenId, toFifteenDigitId, type DataQualityIssue, type Department } from '@resident-graph/schemas';
import { InvalidIdIndex } from './InvalidIdIndex';
import { legacyIdIssue, type StoredKey } from './StoredKey';

/** What one scan of every key a department stores yields: the index lookups keep, and the issues the scan saw. */
export interface StoredIdScanResult {
  index: StoredIdIndex;
  /**
   * Every issue the scan saw, by resident, in a lookup's order: the records one typo away
   * (`issuesFor`), then those stored under a 15-digit ID (which a lookup merges and reports
   * as `LEGACY_15_DIGIT_ID`). For publishing, not for keeping: it grows with the population.
   */
  issues: Map<string, DataQualityIssue[]>;
}

/** A scan in progress (`StoredIdIndex.scanner`): every stored key added once, then finished. */
export interface StoredIdScanner {
  add(key: StoredKey): void;
  finish(): StoredIdScanResult;
}

/**
 * What a scan of every key a department stores tells a lookup, for systems that match
 * IDs exactly as stored: the odd forms a canonical ID is stored under (full-width, spaced,
 * a lower-case x …), and the records whose stored ID fails validation. The 15-digit form
 * of an ID is not kept — it follows from the ID, and a street's older rows hold it by the
 * thousand — so the index grows with the odd and the invalid, not with the population.
 */
export class StoredIdIndex {
  private constructor(
    private readonly oddForms: ReadonlyMap<string, ReadonlySet<string>>,
    private readonly invalid: InvalidIdIndex,
  ) {}

  /** The index before any scan: every ID asked for as it is and in its 15-digit form. */
  static empty(department: Department): StoredIdIndex {
    return new StoredIdIndex(new Map(), new InvalidIdIndex(department, []));
  }

  /** A scan fed one key at a time, for keys read as a stream: only what the index and the issues keep stays in memory. */
  static scanner(department: Department): StoredIdScanner {
    const oddForms = new Map<string, Set<string>>();
    const legacyKeys = new Map<string, StoredKey[]>();
    const unmatched: StoredKey[] = [];
    return {
      add(key) {
        const result = normalizeCitizenId(key.storedId);
        if (!result.ok) {
          unmatched.push(key);
          return;
        }
        if (result.id !== key.storedId && toFifteenDigitId(result.id) !== key.storedId) {
          oddForms.set(result.id, (oddForms.get(result.id) ?? new Set()).add(key.storedId));
        }
        if (result.converted) legacyKeys.set(result.id, [...(legacyKeys.get(result.id) ?? []), key]);
      },
      finish() {
        const invalid = new InvalidIdIndex(department, unmatched);
        const issues = invalid.issuesByResident();
        for (const [citizenId, legacy] of legacyKeys)
          issues.set(citizenId, [...(issues.get(citizenId) ?? []), ...legacy.map((key) => legacyIdIssue(department, key))]);
        return { index: new StoredIdIndex(oddForms, invalid), issues };
      },
    };
  }

  /** The keys to ask the system for to find everything it holds under these IDs: each ID, its 15-digit form, and the odd forms the scan saw it in. */
  storedFormsOf(citizenIds: readonly string[]): string[] {
    const forms = new Set<string>();
    for (const id of citizenIds) {
      forms.add(id);
      const fifteenDigit = toFifteenDigitId(id);
      if (fifteenDigit !== null) forms.add(fifteenDigit);
      for (const form of this.oddForms.get(id) ?? []) forms.add(form);
    }
    return [...forms];
  }

  /** Records with an invalid stored ID one mistyped character away from `citizenId`. */
  issuesFor(citizenId: string): DataQualityIssue[] {
    return this.invalid.issuesFor(citizenId);
  }
}
