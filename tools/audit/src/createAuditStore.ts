import { createLogger } from '@resident-graph/service-kit';
import type { AccessLogPage, AuditEntry, AuditRecord } from './AuditEntry';
import type { Prisma } from './generated/prisma/client';
import { createAuditClient } from './createAuditClient';
import { assertSchemaName, DEFAULT_SCHEMA } from './defaultSchema';
import { createAuditAppender } from './append/createAuditAppender';
import { toAuditRecord } from './toAuditRecord';
import { verifyAuditChain, type VerifyOptions, type VerifyReport } from './verifyAuditChain';
import { withinTimeLimit } from './withinTimeLimit';

export interface AuditStoreOptions {
  databaseUrl: string;
  /** The PostgreSQL schema holding the trail. @default 'audit' */
  schema?: string;
  /** How long `append` and `checkHealth` may take before failing with AUDIT_UNAVAILABLE. @default 1000 */
  timeoutMs?: number;
  /** The time an appended entry is recorded at; tests set it to place entries on the clock. @default () => new Date() */
  now?: () => Date;
}

/**
 * Which entries to list: those matching every filter given. At least one filter is
 * required — an auditor asks about a resident, a caller or a period, and the trail as a
 * whole is what `verify` reads.
 */
export interface AccessLogQuery {
  /** Entries that served or refused this resident's data. */
  residentId?: string | null;
  /** Entries of this caller (the token's subject). */
  subject?: string | null;
  /** Entries recorded at this instant or later. */
  from?: Date | null;
  /** Entries recorded before this instant: with `from`, a half-open range, so consecutive ranges never share an entry. */
  to?: Date | null;
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
  /** The chain head: the last entry's sequence and hash (0 and the genesis hash when empty). */
  head(): Promise<{ sequence: number; hash: string }>;
  /** Resolves when the store answers within its time limit. */
  checkHealth(): Promise<void>;
  close(): Promise<void>;
}

const MAX_PAGE = 100;
const MAX_LATEST = 1000;
// Reads scan where an append only adds one row; they may take longer, but not forever.
const READ_TIME_FACTOR = 10;

function checkCount(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) throw new RangeError(`${name} must be an integer from 1 to ${max}, got ${value}`);
  return value;
}

/** The query's filters as a Prisma condition; RangeError for none at all, an empty subject, an invalid or reversed range. */
function accessLogFilter({ residentId, subject, from, to }: AccessLogQuery): Prisma.AuditEntryWhereInput {
  if (residentId == null && subject == null && from == null && to == null)
    throw new RangeError('accessLog needs at least one of residentId, subject, from, to');
  if (subject === '') throw new RangeError('subject must not be empty');
  for (const [name, instant] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (instant != null && Number.isNaN(instant.getTime())) throw new RangeError(`${name} is not a valid time`);
  }
  if (from != null && to != null && from.getTime() >= to.getTime()) {
    throw new RangeError(`from (${from.toISOString()}) must be before to (${to.toISOString()})`);
  }
  // Prisma leaves out a condition that is undefined: a filter not given filters nothing.
  return {
    residentIds: residentId == null ? undefined : { has: residentId },
    subject: subject ?? undefined,
    recordedAt: { gte: from ?? undefined, lt: to ?? undefined },
  };
}

function parseCursor(after: string): bigint {
  if (!/^[1-9][0-9]{0,15}$/.test(after)) throw new RangeError(`not an access-log cursor: ${JSON.stringify(after)}`);
  return BigInt(after);
}

/**
 * The audit trail: its reads over Prisma Client, its appends through `createAuditAppender`
 * (one statement over `pg`, as the subgraphs append), so what the verifier and the audit
 * subgraph write is written exactly as every subgraph writes it.
 */
export function createAuditStore({ databaseUrl, schema = DEFAULT_SCHEMA, timeoutMs = 1000, now = () => new Date() }: AuditStoreOptions): AuditStore {
  assertSchemaName(schema);
  const logger = createLogger('audit-store');
  const prisma = createAuditClient({
    databaseUrl,
    schema,
    connectTimeoutMs: timeoutMs,
    onConnectionError: (error) => logger.warn({ err: error }, 'audit store connection failed'),
  });
  const appender = createAuditAppender({ databaseUrl, schema, timeoutMs, now });
  const readTimeoutMs = timeoutMs * READ_TIME_FACTOR;

  return {
    append: (entry) => appender.append(entry),

    async accessLog({ first = 20, after = null, ...filters }) {
      const size = checkCount('first', first, MAX_PAGE);
      const matching = accessLogFilter(filters);
      const before = after === null ? undefined : parseCursor(after);
      const rows = await withinTimeLimit(
        'accessLog',
        readTimeoutMs,
        prisma.auditEntry.findMany({
          where: { ...matching, sequence: { lt: before } },
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

    async head() {
      const row = await withinTimeLimit('head', readTimeoutMs, prisma.auditChainHead.findUniqueOrThrow({ where: { id: true } }));
      return { sequence: Number(row.sequence), hash: row.hash };
    },

    checkHealth: () => appender.checkHealth(),

    async close() {
      await Promise.all([appender.close(), prisma.$disconnect()]);
    },
  };
}
