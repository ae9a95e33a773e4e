import { createLogger } from '@resident-graph/service-kit';
import type { AccessLogPage, AuditEntry, AuditRecord } from './AuditEntry';
import { createAuditClient } from './createAuditClient';
import { assertSchemaName, DEFAULT_SCHEMA } from './defaultSchema';
import { hashEntry } from './hashEntry';
import { toAuditRecord } from './toAuditRecord';
import { verifyAuditChain, type VerifyOptions, type VerifyReport } from './verifyAuditChain';
import { withinTimeLimit } from './withinTimeLimit';

export interface AuditStoreOptions {
  databaseUrl: string;
  /** The PostgreSQL schema holding the trail. @default 'audit' */
  schema?: string;
  /** How long `append` and `checkHealth` may take before failing with AUDIT_UNAVAILABLE. @default 1000 */
  timeoutMs?: number;
}

export interface AccessLogQuery {
  residentId: string;
  /** Page size, 1 to 100. @default 20 */
  first?: number;
  /** The `endCursor` of the page before. */
  after?: string | null;
}

export interface AuditStore {
  /** Records one entry at the head of the chain; AUDIT_UNAVAILABLE if the store cannot take it in time. */
  append(entry: AuditEntry): Promise<AuditRecord>;
  /** Who read this resident's data, when and why: newest first. */
  accessLog(query: AccessLogQuery): Promise<AccessLogPage>;
  /** The last `count` entries (1 to 1000), newest first. */
  latest(count: number): Promise<AuditRecord[]>;
  verify(options?: VerifyOptions): Promise<VerifyReport>;
  /** Resolves when the store answers within its time limit. */
  checkHealth(): Promise<void>;
  close(): Promise<void>;
}

const MAX_PAGE = 100;
const MAX_LATEST = 1000;
// Reads scan where an append only adds one row; they may take longer, but not forever.
const READ_TIME_FACTOR = 10;

interface HeadRow {
  seq: bigint;
  hash: string;
}

function checkCount(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) throw new RangeError(`${name} must be an integer from 1 to ${max}, got ${value}`);
  return value;
}

function parseCursor(after: string): bigint {
  if (!/^[1-9][0-9]{0,15}$/.test(after)) throw new RangeError(`not an access-log cursor: ${JSON.stringify(after)}`);
  return BigInt(after);
}

/**
 * The audit trail over Prisma Client. Appends from any number of processes serialise on
 * the chain head's row lock, so every entry gets the next sequence and the hash before it.
 */
export function createAuditStore({ databaseUrl, schema = DEFAULT_SCHEMA, timeoutMs = 1000 }: AuditStoreOptions): AuditStore {
  assertSchemaName(schema);
  const logger = createLogger('audit-store');
  const prisma = createAuditClient({
    databaseUrl,
    schema,
    connectTimeoutMs: timeoutMs,
    onConnectionError: (error) => logger.warn({ err: error }, 'audit store connection failed'),
  });
  const lockHead = `SELECT seq, hash FROM "${schema}".audit_chain_head FOR UPDATE`;
  const limit = `${timeoutMs}ms`;
  const readTimeoutMs = timeoutMs * READ_TIME_FACTOR;

  const appendInTransaction = (entry: AuditEntry): Promise<AuditRecord> =>
    prisma.$transaction(
      async (tx) => {
        // A writer cut off while holding the head must not stall every other writer until
        // TCP gives up: the server drops its session instead. PGlite is one process, which
        // that timeout would end, and cannot be cut off this way anyway.
        await tx.$executeRaw`SELECT set_config('lock_timeout', ${limit}, true),
          CASE WHEN version() LIKE '%PGlite%' THEN NULL ELSE set_config('idle_in_transaction_session_timeout', ${limit}, true) END`;
        const [head] = await tx.$queryRawUnsafe<HeadRow[]>(lockHead);
        if (!head) throw new Error('the audit chain head is missing');
        const chained = {
          sequence: Number(head.seq) + 1,
          recordedAt: new Date(),
          requestId: entry.requestId,
          operationId: entry.operationId ?? null,
          subgraph: entry.subgraph,
          subject: entry.subject,
          role: entry.role,
          department: entry.department ?? null,
          purposeCode: entry.purposeCode,
          purposeReference: entry.purposeReference ?? null,
          residentIds: [...entry.residentIds],
          fields: [...entry.fields],
          outcome: entry.outcome,
          previousHash: head.hash,
        };
        const record: AuditRecord = { ...chained, hash: hashEntry(chained) };
        await tx.auditEntry.create({ data: { ...record, sequence: BigInt(record.sequence) }, select: { sequence: true } });
        return record;
      },
      { maxWait: timeoutMs, timeout: timeoutMs },
    );

  return {
    append: (entry) => withinTimeLimit('append', timeoutMs, appendInTransaction(entry)),

    async accessLog({ residentId, first = 20, after = null }) {
      const size = checkCount('first', first, MAX_PAGE);
      const before = after === null ? undefined : parseCursor(after);
      const rows = await withinTimeLimit(
        'accessLog',
        readTimeoutMs,
        prisma.auditEntry.findMany({
          where: { residentIds: { has: residentId }, ...(before !== undefined && { sequence: { lt: before } }) },
          orderBy: { sequence: 'desc' },
          take: size + 1,
        }),
      );
      const nodes = rows.slice(0, size).map(toAuditRecord);
      const last = nodes.at(-1);
      return { nodes, pageInfo: { hasNextPage: rows.length > size, endCursor: last ? String(last.sequence) : null } };
    },

    async latest(count) {
      const take = checkCount('count', count, MAX_LATEST);
      const rows = await withinTimeLimit('latest', readTimeoutMs, prisma.auditEntry.findMany({ orderBy: { sequence: 'desc' }, take }));
      return rows.map(toAuditRecord);
    },

    verify: (options) => verifyAuditChain(prisma, options),

    async checkHealth() {
      await withinTimeLimit('health check', timeoutMs, prisma.auditChainHead.findUniqueOrThrow({ where: { id: true }, select: { sequence: true } }));
    },

    close: () => prisma.$disconnect(),
  };
}
