import { legacyIdIssue, type DepartmentLookup, type LinkedStoredIds, type StoredIdIndex } from '@resident-graph/adapter-kit';
import { normalizeCitizenId } from '@resident-graph/schemas';
import type { CivilAffairsRecord } from './CivilAffairsRecord';
import type { RecordParty } from './recordParties';

const emptyRecord = (): CivilAffairsRecord => ({
  allowanceCases: [],
  disability: null,
  elderlyAllowance: null,
  veteranBenefit: null,
  marriages: [],
});

/**
 * Merges the rows whose stored ID normalises to a wanted resident — or is linked to one —
 * into that resident's record, and reports what could not simply be merged: 15-digit keys
 * (merged) and, from the scan, rows whose ID fails validation one typo away (merged only
 * when linked; the link's own issue then says so, see the subgraph kit).
 */
export function collectLookups(
  citizenIds: readonly string[],
  parties: Iterable<RecordParty>,
  index: StoredIdIndex,
  linked: LinkedStoredIds = new Map(),
): Map<string, DepartmentLookup<CivilAffairsRecord>> {
  const answer = new Map<string, DepartmentLookup<CivilAffairsRecord>>(citizenIds.map((id) => [id, { record: null, issues: index.issuesFor(id) }]));
  for (const party of parties) {
    const linkedTo = linked.get(party.storedId);
    const result = normalizeCitizenId(party.storedId);
    const owner = linkedTo ?? (result.ok ? result.id : undefined);
    const lookup = owner === undefined ? undefined : answer.get(owner);
    if (!lookup) continue;
    lookup.record ??= emptyRecord();
    party.addTo(lookup.record);
    if (linkedTo === undefined && result.ok && result.converted) lookup.issues.push(legacyIdIssue('civil-affairs', party));
  }
  for (const { record } of answer.values()) {
    record?.allowanceCases.sort((a, b) => a.since.localeCompare(b.since) || a.caseNumber.localeCompare(b.caseNumber));
    record?.marriages.sort((a, b) => a.registeredOn.localeCompare(b.registeredOn));
  }
  return answer;
}
