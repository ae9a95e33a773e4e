import type { AccessEntry, AuditWriter } from '../policy/useAuditTrail';

/** Keeps entries in memory (tests, and checking what a request would record); `failing` makes it refuse. */
export function recordingAuditWriter(): AuditWriter & { entries: AccessEntry[]; failing: boolean } {
  const writer = {
    entries: [] as AccessEntry[],
    failing: false,
    async write(entry: AccessEntry) {
      if (writer.failing) throw new Error('audit store unavailable');
      writer.entries.push(entry);
    },
  };
  return writer;
}
