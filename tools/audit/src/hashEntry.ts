import { createHash } from 'node:crypto';
import type { AuditRecord } from './AuditEntry';

/** The previous hash of the first entry (also the migration's initial chain head). */
export const GENESIS_HASH = '0'.repeat(64);

/** Names the serialisation, so a future format can be told apart from this one. */
const FORMAT = 'resident-graph-audit/1';

/**
 * SHA-256 (hex) over every field of the entry and the previous entry's hash. A JSON
 * array in a fixed order is canonical: no key order to agree on, strings escaped one way,
 * null kept apart from an empty string.
 */
export function hashEntry(entry: Omit<AuditRecord, 'hash'>): string {
  const canonical = JSON.stringify([
    FORMAT,
    entry.sequence,
    entry.recordedAt.toISOString(),
    entry.requestId,
    entry.operationId,
    entry.subgraph,
    entry.subject,
    entry.role,
    entry.department,
    entry.purposeCode,
    entry.purposeReference,
    entry.residentIds,
    entry.fields,
    entry.outcome,
    entry.previousHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
