import type { DataQualityIssue } from '@resident-graph/schemas';
import type { StoredIdIndex, StoredIdScanResult } from '@resident-graph/adapter-kit';

/**
 * Keeps the index of the latest scan of the stored IDs. The first use waits for a scan;
 * later refreshes replace the index only when they succeed, so a database hiccup during
 * a refresh leaves lookups on the previous one.
 */
export class StoredIdScan {
  private index: Promise<StoredIdIndex> | null = null;

  constructor(private readonly scan: () => Promise<StoredIdScanResult>) {}

  current(): Promise<StoredIdIndex> {
    this.index ??= this.scan().then(
      ({ index }) => index,
      (error: unknown) => {
        this.index = null;
        throw error;
      },
    );
    return this.index;
  }

  /** Scans again; returns the issues the scan saw, which are not kept. */
  async refresh(): Promise<Map<string, DataQualityIssue[]>> {
    const { index, issues } = await this.scan();
    this.index = Promise.resolve(index);
    return issues;
  }
}
