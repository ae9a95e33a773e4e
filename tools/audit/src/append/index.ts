// What a process that only records its reads loads: no Prisma, no readers of the trail.
export { createAuditAppender, type AuditAppender, type AuditAppenderOptions } from './createAuditAppender';
export { AuditUnavailableError } from '../AuditUnavailableError';
export type { AuditEntry, AuditRecord, AuditOutcome } from '../AuditEntry';
export { DEFAULT_SCHEMA } from '../defaultSchema';
