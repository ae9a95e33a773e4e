import type { Department } from '@resident-graph/schemas';
import type { IdentityMatcher } from '../IdentityMatcher';
import type { DepartmentRecordIdentity } from '../types';
import type { LinkStore, MatchedRecord } from './LinkStore';

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
  const progress: LinkBatchProgress = { department, read: 0, resolvedAsStored: 0, matched: 0, noCandidate: 0, candidatesAdded: 0, linked: 0 };
  let pending: MatchedRecord[] = [];
  const flush = async () => {
    const { added, linked } = await store.recordMatches(department, pending, decidedBy);
    progress.candidatesAdded += added;
    progress.linked += linked;
    pending = [];
    onProgress?.({ ...progress });
  };
  for (const record of records) {
    progress.read++;
    const resolution = matcher.resolve(record);
    if (resolution.status === 'RESOLVED') progress.resolvedAsStored++;
    else if (resolution.candidates.length === 0) progress.noCandidate++;
    else {
      progress.matched++;
      pending.push({
        storedId: record.storedId,
        recordReference: record.recordReference,
        nameOnRecord: record.nameOnRecord,
        candidates: resolution.candidates,
      });
    }
    if (progress.read % BATCH_SIZE === 0) await flush();
  }
  await flush();
  return progress;
}
