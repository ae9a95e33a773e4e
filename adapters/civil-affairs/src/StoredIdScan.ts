import type { StoredIdIndex } from '@resident-graph/adapter-kit';

/**
 * Keeps the index of the latest scan of the stored IDs. The first use waits for a scan;
 * later refreshes replace the index only when they succeed, so a database hiccup during
 * a refresh leaves lookups on the previous one.
 */
export class StoredIdScan {
  private index: Promise<StoredIdIndex> | null = null;

  constructor(private readonly scan: () => Promise<StoredIdIndex>) {}

  current(): Promise<StoredIdIndex> {
    this.index ??= this.scan().catch((error: unknown) => {
      this.index = null;
      throw error;
    });
    return this.index;
  }

  async refresh(): Promise<void> {
    const fresh = await this.scan();
    this.index = Promise.resolve(fresh);
  }
}
