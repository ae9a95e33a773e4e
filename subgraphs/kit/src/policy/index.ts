export * from './Policy';
export * from './inJurisdiction';
export * from './ServedRecord';
export * from './applyPolicy';
export * from './renderPolicyTable';
export * from './useAuditTrail';
export * from './representationJurisdiction';
export * from './auditWriterFromEnv';
