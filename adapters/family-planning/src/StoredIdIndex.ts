import { InvalidIdIndex, type UnmatchedRecord } from '@resident-graph/adapter-kit';
import { normalizeCitizenId, type DataQualityIssue } from '@resident-graph/schemas';
import type { JsxxPersonId } from './jsxx/JsxxPerson';

/**
 * The system matches IDs exactly as stored, so the adapter keeps, from `ListPersonIds`,
 * every other form a canonical ID is stored under (15-digit, full-width, spaced …) and
 * the records whose stored ID fails validation.
 */
export class StoredIdIndex {
  private readonly otherForms = new Map<string, string[]>();
  private readonly invalid: InvalidIdIndex;

  constructor(entries: readonly JsxxPersonId[]) {
    const unmatched: UnmatchedRecord[] = [];
    for (const entry of entries) {
      const result = normalizeCitizenId(entry.SFZH);
      if (!result.ok) unmatched.push({ storedId: entry.SFZH, recordReference: entry.GRBH, nameOnRecord: entry.XM });
      else if (result.id !== entry.SFZH) this.otherForms.set(result.id, [...(this.otherForms.get(result.id) ?? []), entry.SFZH]);
    }
    this.invalid = new InvalidIdIndex('family-planning', unmatched);
  }

  /** The keys to ask the system for to find everything it holds under `citizenId`. */
  storedFormsOf(citizenId: string): string[] {
    return [citizenId, ...(this.otherForms.get(citizenId) ?? [])];
  }

  /** Records with an invalid stored ID one mistyped character away from `citizenId`. */
  issuesFor(citizenId: string): DataQualityIssue[] {
    return this.invalid.issuesFor(citizenId);
  }
}
