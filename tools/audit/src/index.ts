export { createAuditStore, type AuditStore, type AuditStoreOptions, type AccessLogQuery } from './createAuditStore';
export { prepareAuditStore, type PrepareAuditStoreOptions } from './prepareAuditStore';
export { AuditUnavailableError } from './AuditUnavailableError';
export type { AuditEntry, AuditRecord, AuditOutcome, AccessLogPage } from './AuditEntry';
export type { VerifyReport, VerifyOptions, ChainBreak, ChainBreakKind } from './verifyAuditChain';
export { describeVerifyReport } from './describeVerifyReport';
export { hashEntry, GENESIS_HASH } from './hashEntry';
export { DEFAULT_SCHEMA } from './defaultSchema';
