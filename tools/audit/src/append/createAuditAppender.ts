import { Pool } from 'pg';
import { createLogger, namedStatementSettings, preparedQuery } from '@resident-graph/service-kit';
import type { AuditEntry, AuditRecord } from '../AuditEntry';
import { assertSchemaName, DEFAULT_SCHEMA } from '../defaultSchema';
import { contentDigest, type AuditContent } from '../hashEntry';
import { withinTimeLimit } from '../withinTimeLimit';
import { appendStatement } from './appendStatement';

export interface AuditAppenderOptions {
  databaseUrl: string;
  /** The PostgreSQL schema holding the trail. @default 'audit' */
  schema?: string;
  /** How long `append` and `checkHealth` may take before failing with AUDIT_UNAVAILABLE. @default 1000 */
  timeoutMs?: number;
  /** The time an appended entry is recorded at; tests set it to place entries on the clock. @default () => new Date() */
  now?: () => Date;
}

/** The write side of the audit trail: what a subgraph needs to record its reads, and nothing to read them back. */
export interface AuditAppender {
  /** Records one entry at the head of the chain; AUDIT_UNAVAILABLE if the store cannot take it in time. */
  append(entry: AuditEntry): Promise<AuditRecord>;
  /** Resolves when the store answers within its time limit. */
  checkHealth(): Promise<void>;
  close(): Promise<void>;
}

interface ChainedRow {
  /** int8: `pg` gives it as text. */
  seq: string;
  prev_hash: string;
  hash: string;
}

// Appends serialise on the chain head's row lock anyway: more connections would only wait there, on a server with 100 in all.
const POOL_SIZE = 2;

/**
 * Appends over plain `pg` with the one statement of `appendStatement`: every subgraph
 * records its reads, and none needs the query engine the trail's readers use for that. Appends
 * from any number of processes serialise on the chain head's row lock, so every entry gets
 * the next sequence and the hash before it. An append that misses its time limit is reported
 * as unavailable even if the database takes it later: the trail may then hold an entry for a
 * read that was refused, never the reverse.
 */
export function createAuditAppender({ databaseUrl, schema = DEFAULT_SCHEMA, timeoutMs = 1000, now = () => new Date() }: AuditAppenderOptions): AuditAppender {
  assertSchemaName(schema);
  const logger = createLogger('audit-store');
  const pool = new Pool({ connectionString: databaseUrl, max: POOL_SIZE, connectionTimeoutMillis: timeoutMs, ...namedStatementSettings });
  // A connection lost while idle is reported here; without a listener it would end the process.
  pool.on('error', (error) => logger.warn({ err: error }, 'audit store connection failed'));
  const insert = appendStatement(schema);
  const head = `SELECT seq FROM "${schema}".audit_chain_head WHERE id`;

  async function appendEntry(entry: AuditEntry): Promise<AuditRecord> {
    const content: AuditContent = {
      recordedAt: now(),
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
    };
    const { rows } = await pool.query<ChainedRow>(
      preparedQuery(insert, [
        contentDigest(content),
        content.recordedAt.toISOString(),
        content.requestId,
        content.operationId,
        content.subgraph,
        content.subject,
        content.role,
        content.department,
        content.purposeCode,
        content.purposeReference,
        content.residentIds,
        content.fields,
        content.outcome,
      ]),
    );
    const [chained] = rows;
    if (!chained) throw new Error('the audit chain head is missing');
    return { sequence: Number(chained.seq), ...content, previousHash: chained.prev_hash, hash: chained.hash };
  }

  async function answerHead(): Promise<void> {
    const { rowCount } = await pool.query(head);
    if (rowCount !== 1) throw new Error('the audit chain head is missing');
  }

  return {
    append: (entry) => withinTimeLimit('append', timeoutMs, appendEntry(entry)),
    checkHealth: () => withinTimeLimit('health check', timeoutMs, answerHead()),
    close: () => pool.end(),
  };
}
