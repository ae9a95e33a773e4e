import type { AccessEntry, AuditWriter } from '../policy/useAuditTrail';

/**
 * Keeps entries in memory (tests, and checking what a request would record): `entries`
 * what was served, `refusals` what was refused; `failing` makes it refuse.
 */
export function recordingAuditWriter(): AuditWriter & { entries: AccessEntry[]; refusals: AccessEntry[]; failing: boolean } {
  const writer = {
    entries: [] as AccessEntry[],
    refusals: [] as AccessEntry[],
    failing: false,
    async write(entry: AccessEntry) {
      if (writer.failing) throw new Error('audit store unavailable');
      (entry.outcome === 'SERVED' ? writer.entries : writer.refusals).push(entry);
    },
  };
  return writer;
}
