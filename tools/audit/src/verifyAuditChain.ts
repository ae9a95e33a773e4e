import type { AuditRecord } from './AuditEntry';
import type { Anchor } from './auditAnchors';
import { Prisma, type PrismaClient } from './generated/prisma/client';
import { GENESIS_HASH, hashEntry } from './hashEntry';
import { toAuditRecord } from './toAuditRecord';

/**
 * - `EDITED`: an entry's hash does not match its content.
 * - `MISSING`: a sequence number is absent (inside the trail, or after it up to the chain head).
 * - `REORDERED`: an intact entry sits under another entry's sequence number.
 * - `BROKEN_LINK`: an entry's previous hash is not the hash of the entry before it, or the
 *   entry is not the one the chain head records.
 * - `TRUNCATED`: a signed checkpoint names an entry the trail no longer holds (newest
 *   entries deleted and the head moved back).
 * - `REWRITTEN`: a signed checkpoint names an entry whose hash is now another (a chain
 *   rebuilt consistently from some entry on).
 */
export type ChainBreakKind = 'EDITED' | 'MISSING' | 'REORDERED' | 'BROKEN_LINK' | 'TRUNCATED' | 'REWRITTEN';

export interface ChainBreak {
  sequence: number;
  kind: ChainBreakKind;
  detail: string;
}

export interface VerifyReport {
  intact: boolean;
  /** Entries found sound, in sequence order, before the first break (all of them when intact). */
  checked: number;
  served: number;
  refused: number;
  /** The chain head as the store records it. */
  head: { sequence: number; hash: string };
  firstBreak: ChainBreak | null;
  /** Signed checkpoints the trail was held against, and the newest of them. */
  anchors: { checked: number; newest: Anchor | null };
}

export interface VerifyOptions {
  /** Entries read per query, so a long trail never sits in memory at once. @default 1000 */
  batchSize?: number;
  /** How long the whole walk may take. @default one hour */
  timeoutMs?: number;
  /** Signed checkpoints of the chain head (`readAnchors`), each of which the trail must still hold. */
  anchors?: readonly Anchor[];
}

type Link = Pick<AuditRecord, 'sequence' | 'hash'>;

/**
 * Walks the chain in sequence order and reports the first break. The walk runs in one
 * REPEATABLE READ transaction: entries appended meanwhile are neither half-seen nor
 * mistaken for entries beyond the head.
 */
export function verifyAuditChain(prisma: PrismaClient, { batchSize = 1000, timeoutMs = 3_600_000, anchors = [] }: VerifyOptions = {}): Promise<VerifyReport> {
  return prisma.$transaction((tx) => walkChain(tx, batchSize, anchors), {
    isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
    timeout: timeoutMs,
  });
}

async function walkChain(tx: Prisma.TransactionClient, batchSize: number, anchors: readonly Anchor[]): Promise<VerifyReport> {
  const headRow = await tx.auditChainHead.findUniqueOrThrow({ where: { id: true } });
  const head: Link = { sequence: Number(headRow.sequence), hash: headRow.hash };
  const counts = { checked: 0, served: 0, refused: 0 };
  const newest = anchors.reduce<Anchor | null>((found, anchor) => (found && found.sequence >= anchor.sequence ? found : anchor), null);
  const report = (firstBreak: ChainBreak | null): VerifyReport => ({
    intact: firstBreak === null,
    ...counts,
    head,
    firstBreak,
    anchors: { checked: anchors.length, newest },
  });

  let previous: Link = { sequence: 0, hash: GENESIS_HASH };
  for (;;) {
    const rows = await tx.auditEntry.findMany({ where: { sequence: { gt: BigInt(previous.sequence) } }, orderBy: { sequence: 'asc' }, take: batchSize });
    for (const row of rows) {
      const entry = toAuditRecord(row);
      const found = await findBreak(tx, entry, previous, head);
      if (found) return report(found);
      counts.checked += 1;
      counts[entry.outcome === 'SERVED' ? 'served' : 'refused'] += 1;
      previous = entry;
    }
    if (rows.length < batchSize) break;
  }
  if (previous.sequence < head.sequence) {
    return report({
      sequence: previous.sequence + 1,
      kind: 'MISSING',
      detail: `the trail ends at ${previous.sequence}, the chain head is at ${head.sequence}`,
    });
  }
  return report(await findAnchorBreak(tx, anchors));
}

/** The earliest checkpoint the (internally consistent) trail no longer agrees with. */
async function findAnchorBreak(tx: Prisma.TransactionClient, anchors: readonly Anchor[]): Promise<ChainBreak | null> {
  const anchored = anchors.filter((anchor) => anchor.sequence > 0).sort((a, b) => a.sequence - b.sequence);
  if (anchored.length === 0) return null;
  const rows = await tx.auditEntry.findMany({
    where: { sequence: { in: anchored.map((anchor) => BigInt(anchor.sequence)) } },
    select: { sequence: true, hash: true },
  });
  const hashAt = new Map(rows.map((row) => [Number(row.sequence), row.hash]));
  for (const { sequence, hash, anchoredAt } of anchored) {
    const found = hashAt.get(sequence);
    if (found === undefined) {
      return { sequence, kind: 'TRUNCATED', detail: `the checkpoint of ${anchoredAt} names entry ${sequence}, which the trail no longer holds` };
    }
    if (found !== hash) {
      return { sequence, kind: 'REWRITTEN', detail: `entry ${sequence} is not the one the checkpoint of ${anchoredAt} signed` };
    }
  }
  return null;
}

async function findBreak(tx: Prisma.TransactionClient, entry: AuditRecord, previous: Link, head: Link): Promise<ChainBreak | null> {
  const sequence = previous.sequence + 1;
  if (entry.sequence !== sequence) {
    const range = entry.sequence - 1 === sequence ? `entry ${sequence} is` : `entries ${sequence} to ${entry.sequence - 1} are`;
    return { sequence, kind: 'MISSING', detail: `${range} missing` };
  }
  if (hashEntry(entry) !== entry.hash) {
    const madeAs = await sequenceByLinks(tx, entry, head);
    if (madeAs !== null && madeAs !== sequence && hashEntry({ ...entry, sequence: madeAs }) === entry.hash) {
      return { sequence, kind: 'REORDERED', detail: `entry ${sequence} holds the entry made as ${madeAs}` };
    }
    return { sequence, kind: 'EDITED', detail: `entry ${sequence} does not match its hash` };
  }
  if (entry.previousHash !== previous.hash) {
    const before = previous.sequence === 0 ? 'the genesis' : `entry ${previous.sequence}`;
    return { sequence, kind: 'BROKEN_LINK', detail: `entry ${sequence} does not link to ${before}` };
  }
  if (sequence > head.sequence) {
    return { sequence, kind: 'BROKEN_LINK', detail: `entry ${sequence} lies beyond the chain head at ${head.sequence}` };
  }
  if (sequence === head.sequence && entry.hash !== head.hash) {
    return { sequence, kind: 'BROKEN_LINK', detail: `the chain head records another entry ${sequence}` };
  }
  return null;
}

/**
 * The sequence an entry was made under, told by its neighbours rather than its own
 * (possibly rewritten) number: the entry that names it as previous, or the chain head.
 */
async function sequenceByLinks(tx: Prisma.TransactionClient, entry: AuditRecord, head: Link): Promise<number | null> {
  const successor = await tx.auditEntry.findUnique({ where: { previousHash: entry.hash }, select: { sequence: true } });
  if (successor) return Number(successor.sequence) - 1;
  return entry.hash === head.hash ? head.sequence : null;
}
