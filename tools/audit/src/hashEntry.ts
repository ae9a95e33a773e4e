import { createHash } from 'node:crypto';
import type { AuditRecord } from './AuditEntry';

/** The previous hash of the first entry (also the migration's initial chain head). */
export const GENESIS_HASH = '0'.repeat(64);

/** Names the serialisation, so a future format can be told apart from this one. */
const FORMAT = 'resident-graph-audit/1';

/** Every field the caller and the clock give an entry; the chain adds sequence and previous hash. */
export type AuditContent = Omit<AuditRecord, 'sequence' | 'previousHash' | 'hash'>;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * SHA-256 (hex) over the entry's content as a JSON array in a fixed order: canonical, with
 * no key order to agree on, strings escaped one way, null kept apart from an empty string.
 */
export function contentDigest(entry: AuditContent): string {
  return sha256(
    JSON.stringify([
      FORMAT,
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
    ]),
  );
}

/**
 * An entry's hash: SHA-256 (hex) of `<content digest>:<sequence>:<previous hash>`. The
 * append statement computes the same in SQL (see appendStatement), so the sequence and the
 * previous hash are taken under the chain head's lock inside one statement.
 */
export const chainHash = (digest: string, sequence: number, previousHash: string): string => sha256(`${digest}:${sequence}:${previousHash}`);

/** The hash an entry must carry: its content, its sequence and the hash before it. */
export const hashEntry = (entry: Omit<AuditRecord, 'hash'>): string => chainHash(contentDigest(entry), entry.sequence, entry.previousHash);
