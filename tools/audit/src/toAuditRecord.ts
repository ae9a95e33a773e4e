import type { AuditOutcome, AuditRecord } from './AuditEntry';
import type { AuditEntry as AuditEntryRow } from './generated/prisma/client';

const OUTCOMES: readonly string[] = ['SERVED', 'REFUSED'] satisfies AuditOutcome[];

const isOutcome = (value: string): value is AuditOutcome => OUTCOMES.includes(value);

/** A stored row as the API hands it out; sequences fit a number for 2^53 entries. */
export function toAuditRecord(row: AuditEntryRow): AuditRecord {
  if (!isOutcome(row.outcome)) throw new Error(`audit entry ${row.sequence} has an unknown outcome ${JSON.stringify(row.outcome)}`);
  return {
    sequence: Number(row.sequence),
    recordedAt: row.recordedAt,
    requestId: row.requestId,
    operationId: row.operationId,
    subgraph: row.subgraph,
    subject: row.subject,
    role: row.role,
    department: row.department,
    purposeCode: row.purposeCode,
    purposeReference: row.purposeReference,
    residentIds: row.residentIds,
    fields: row.fields,
    outcome: row.outcome,
    previousHash: row.previousHash,
    hash: row.hash,
  };
}
