import type { DepartmentLookup } from '@resident-graph/adapter-kit';
import { normalizeCitizenId } from '@resident-graph/schemas';
import type { CivilAffairsRecord } from './CivilAffairsRecord';
import type { RecordParty } from './recordParties';
import type { StoredIdSnapshot } from './StoredIdIndex';

/** The stored forms a lookup of these IDs must ask for: canonical, 15-digit, and variants seen by the scan. */
export function storedFormsOf(citizenIds: readonly string[], snapshot: StoredIdSnapshot): string[] {
  const forms = new Set<string>();
  for (const id of citizenIds) {
    forms.add(id);
    // Only IDs issued before 1999 (born 19xx) ever had a 15-digit form.
    if (id.slice(6, 8) === '19') forms.add(id.slice(0, 6) + id.slice(8, 17));
    for (const variant of snapshot.variants.get(id) ?? []) forms.add(variant);
  }
  return [...forms];
}

const emptyRecord = (): CivilAffairsRecord => ({
  allowanceCases: [],
  disability: null,
  elderlyAllowance: null,
  veteranBenefit: null,
  marriages: [],
});

/**
 * Merges the rows whose stored ID normalises to a wanted resident into that resident's
 * record, and reports what could not simply be merged: 15-digit keys (merged) and,
 * from the scan, rows whose ID fails validation one typo away (never merged).
 */
export function collectLookups(
  citizenIds: readonly string[],
  parties: Iterable<RecordParty>,
  snapshot: StoredIdSnapshot,
): Map<string, DepartmentLookup<CivilAffairsRecord>> {
  const answer = new Map<string, DepartmentLookup<CivilAffairsRecord>>(
    citizenIds.map((id) => [id, { record: null, issues: snapshot.invalid.issuesFor(id) }]),
  );
  for (const party of parties) {
    const result = normalizeCitizenId(party.storedId);
    const lookup = result.ok ? answer.get(result.id) : undefined;
    if (!result.ok || !lookup) continue;
    lookup.record ??= emptyRecord();
    party.addTo(lookup.record);
    if (result.converted) {
      lookup.issues.push({
        department: 'civil-affairs',
        kind: 'LEGACY_15_DIGIT_ID',
        storedId: party.storedId,
        recordReference: party.recordReference,
        nameOnRecord: party.nameOnRecord,
      });
    }
  }
  for (const { record } of answer.values()) {
    record?.allowanceCases.sort((a, b) => a.since.localeCompare(b.since) || a.caseNumber.localeCompare(b.caseNumber));
    record?.marriages.sort((a, b) => a.registeredOn.localeCompare(b.registeredOn));
  }
  return answer;
}
