import type { Department } from '@resident-graph/schemas';
import type { IdentityMatcher } from '../IdentityMatcher';
import type { DepartmentRecordIdentity } from '../types';
import { isNameVariant } from '../isNameVariant';
import type { LinkStore, MatchedRecord, NameVariant } from './LinkStore';

/** Records matched per write: a progress report follows each. */
const BATCH_SIZE = 5000;

export interface LinkBatchProgress {
  department: Department;
  /** Records read so far. */
  read: number;
  resolvedAsStored: number;
  /** Records with at least one candidate, written to the link table. */
  matched: number;
  /** Records no edit of whose ID reaches a registered resident. */
  noCandidate: number;
  candidatesAdded: number;
  linked: number;
  /** Records naming their resident (as stored, or their best candidate) in another script, newly found. */
  nameVariants: number;
}

export interface LinkBatchOptions {
  department: Department;
  records: Iterable<DepartmentRecordIdentity>;
  matcher: IdentityMatcher;
  store: LinkStore;
  /** Who the automatic links name as having decided them. @default 'identity-batch' */
  decidedBy?: string;
  /** Called after each write of `BATCH_SIZE` records, and once at the end. */
  onProgress?(progress: LinkBatchProgress): void;
}

/**
 * Runs the matcher over a department's whole data and keeps what it finds in the link
 * table: every candidate, and the CERTAIN ones linked. Re-running it adds only what is new:
 * decisions already made stand.
 */
export async function runLinkBatch({
  department,
  records,
  matcher,
  store,
  decidedBy = 'identity-batch',
  onProgress,
}: LinkBatchOptions): Promise<LinkBatchProgress> {
  const progress: LinkBatchProgress = { department, read: 0, resolvedAsStored: 0, matched: 0, noCandidate: 0, candidatesAdded: 0, linked: 0, nameVariants: 0 };
  let pending: MatchedRecord[] = [];
  let variants: NameVariant[] = [];
  const flush = async () => {
    const { added, linked } = await store.recordMatches(department, pending, decidedBy);
    progress.candidatesAdded += added;
    progress.linked += linked;
    progress.nameVariants += await store.recordNameVariants(variants);
    pending = [];
    variants = [];
    onProgress?.({ ...progress });
  };
  /** The record's name against the registered name of the resident it belongs to, when that is settled. */
  const checkName = (record: DepartmentRecordIdentity, residentId: string) => {
    const registeredName = matcher.resident(residentId)!.name;
    if (record.nameOnRecord !== null && isNameVariant(record.nameOnRecord, registeredName))
      variants.push({
        department,
        storedId: record.storedId,
        residentId,
        recordReference: record.recordReference,
        nameOnRecord: record.nameOnRecord,
        registeredName,
      });
  };
  for (const record of records) {
    progress.read++;
    const resolution = matcher.resolve(record);
    if (resolution.status === 'RESOLVED') {
      progress.resolvedAsStored++;
      checkName(record, resolution.residentId);
    } else if (resolution.candidates.length === 0) progress.noCandidate++;
    else {
      progress.matched++;
      pending.push({
        storedId: record.storedId,
        recordReference: record.recordReference,
        nameOnRecord: record.nameOnRecord,
        candidates: resolution.candidates,
      });
      // Certain or not, the best candidate is whom the record is held against: a variant name is said while it waits for review too.
      checkName(record, resolution.candidates[0]!.residentId);
    }
    if (progress.read % BATCH_SIZE === 0) await flush();
  }
  await flush();
  // Every lookup of the department's subgraph reads the table by resident: the planner must know its size.
  await store.analyze();
  return progress;
}
