import 'reflect-metadata';

export { buildAuditSchema } from './buildAuditSchema';
export { startAuditSubgraph, type StartAuditSubgraphOptions } from './startAuditSubgraph';
export { auditPolicy } from './permissions';
