import DataLoader from 'dataloader';
import type { DepartmentAdapter, DepartmentLookup } from '@resident-graph/adapter-kit';
import type { LinkStore, NameVariant, StoredCandidate } from '@resident-graph/identity/links';
import type { DataQualityIssue, Department, DepartmentId } from '@resident-graph/schemas';

export interface SectionContext<TRecord> {
  /** Every resident's section asked for in one operation costs one adapter lookup (and one read of the link table). */
  lookups: DataLoader<string, DepartmentLookup<TRecord>>;
  /** The link table, when the subgraph runs with identity resolution. */
  links?: SectionLinks;
}

/** Where a section finds the links identity resolution made for its department's records. */
export interface SectionLinks {
  department: DepartmentId;
  store: LinkStore;
}

const issueOf = (kind: 'LINKED_RECORD' | 'UNRESOLVED_RECORD', candidate: StoredCandidate): DataQualityIssue => ({
  department: candidate.department,
  kind,
  storedId: candidate.storedId,
  recordReference: candidate.recordReference,
  nameOnRecord: candidate.nameOnRecord,
  grade: candidate.grade,
  reason: candidate.reason,
});

const nameVariantIssue = (variant: NameVariant): DataQualityIssue => ({
  department: variant.department,
  kind: 'NAME_VARIANT',
  storedId: variant.storedId,
  recordReference: variant.recordReference,
  nameOnRecord: variant.nameOnRecord,
});

/**
 * The lookup as the link table completes it: a record linked to the resident is read as
 * theirs (the adapter fetched it under its stored ID) and said once, as `LINKED_RECORD`
 * with the link's grade; a record waiting for review with the resident among its
 * candidates is `UNRESOLVED_RECORD` with that candidate's grade. Either replaces what the
 * adapter reported about the same stored ID (`INVALID_CITIZEN_ID`, `LEGACY_15_DIGIT_ID`). A
 * record that names the resident in another script adds `NAME_VARIANT`.
 */
function withLinks<TRecord>(
  lookup: DepartmentLookup<TRecord>,
  links: StoredCandidate[],
  open: StoredCandidate[],
  variants: NameVariant[],
): DepartmentLookup<TRecord> {
  if (links.length === 0 && open.length === 0 && variants.length === 0) return lookup;
  const explained = new Set([...links, ...open].map((candidate) => candidate.storedId));
  return {
    record: lookup.record,
    issues: [
      ...lookup.issues.filter((issue) => !explained.has(issue.storedId)),
      ...links.map((link) => issueOf('LINKED_RECORD', link)),
      ...open.map((candidate) => issueOf('UNRESOLVED_RECORD', candidate)),
      ...variants.map(nameVariantIssue),
    ],
  };
}

function byResident<T extends { residentId: string }>(candidates: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const candidate of candidates) grouped.set(candidate.residentId, [...(grouped.get(candidate.residentId) ?? []), candidate]);
  return grouped;
}

/**
 * A department's issues by resident (adapter-kit `issuesByResident`) as the link table
 * completes them — what each resident's section says (`withLinks`), for all of them at once:
 * what the department publishes for `Resident.dataQualityIssues`.
 */
export async function issuesWithLinks(
  issues: ReadonlyMap<string, readonly DataQualityIssue[]>,
  links: SectionLinks | undefined,
): Promise<ReadonlyMap<string, readonly DataQualityIssue[]>> {
  if (!links) return issues;
  const department = links.department as Department;
  const ids = [...new Set([...issues.keys(), ...(await links.store.residentsWithRecords(department))])];
  const { linked, open, nameVariants } = await links.store.residentLinksOf(department, ids);
  const [linksOf, openOf, variantsOf] = [byResident(linked), byResident(open), byResident(nameVariants)];
  const completed = new Map<string, DataQualityIssue[]>();
  for (const id of ids) {
    const lookup = withLinks({ record: null, issues: [...(issues.get(id) ?? [])] }, linksOf.get(id) ?? [], openOf.get(id) ?? [], variantsOf.get(id) ?? []);
    if (lookup.issues.length > 0) completed.set(id, lookup.issues);
  }
  return completed;
}

export function createSectionContext<TRecord>(adapter: DepartmentAdapter<TRecord>, links?: SectionLinks): SectionContext<TRecord> {
  return {
    links,
    lookups: new DataLoader(async (ids) => {
      if (!links) {
        const answers = await adapter.lookup(ids);
        return ids.map((id) => answers.get(id) ?? { record: null, issues: [] });
      }
      const department = links.department as Department;
      const { linked, open, nameVariants } = await links.store.residentLinksOf(department, ids);
      const answers = await adapter.lookup(ids, new Map(linked.map((link) => [link.storedId, link.residentId])));
      const [linksOf, openOf, variantsOf] = [byResident(linked), byResident(open), byResident(nameVariants)];
      return ids.map((id) => withLinks(answers.get(id) ?? { record: null, issues: [] }, linksOf.get(id) ?? [], openOf.get(id) ?? [], variantsOf.get(id) ?? []));
    }),
  };
}
