import { InvalidIdIndex, type UnmatchedRecord } from '@resident-graph/adapter-kit';
import { normalizeCitizenId } from '@resident-graph/schemas';
import type { RecordParty } from './recordParties';

/** What a scan of every stored ID tells a lookup. */
export interface StoredIdSnapshot {
  /** Rows whose stored ID fails validation, by the valid IDs one typo away. */
  invalid: InvalidIdIndex;
  /** Stored forms of valid IDs that are not the canonical form (full-width digits, spaces, 15 digits …). */
  variants: ReadonlyMap<string, readonly string[]>;
}

export function snapshotOf(parties: Iterable<RecordParty>): StoredIdSnapshot {
  const unmatched: UnmatchedRecord[] = [];
  const variants = new Map<string, Set<string>>();
  for (const party of parties) {
    const result = normalizeCitizenId(party.storedId);
    if (!result.ok) {
      unmatched.push({ storedId: party.storedId, recordReference: party.recordReference, nameOnRecord: party.nameOnRecord });
    } else if (result.id !== party.storedId) {
      const forms = variants.get(result.id) ?? new Set<string>();
      forms.add(party.storedId);
      variants.set(result.id, forms);
    }
  }
  return {
    invalid: new InvalidIdIndex('civil-affairs', unmatched),
    variants: new Map([...variants].map(([id, forms]) => [id, [...forms]])),
  };
}

/**
 * Keeps the latest snapshot of the stored IDs. The first use waits for a scan; later
 * refreshes replace the snapshot only when they succeed, so a database hiccup during a
 * refresh leaves lookups on the previous one.
 */
export class StoredIdIndex {
  private snapshot: Promise<StoredIdSnapshot> | null = null;

  constructor(private readonly scan: () => Promise<StoredIdSnapshot>) {}

  current(): Promise<StoredIdSnapshot> {
    this.snapshot ??= this.scan().catch((error: unknown) => {
      this.snapshot = null;
      throw error;
    });
    return this.snapshot;
  }

  async refresh(): Promise<void> {
    const fresh = await this.scan();
    this.snapshot = Promise.resolve(fresh);
  }
}
