export { buildPublicSecuritySchema } from './buildPublicSecuritySchema';
export { publicSecurityPolicy, publicSecurityTable } from './permissions';
export { startPublicSecuritySubgraph, type StartPublicSecuritySubgraphOptions } from './startPublicSecuritySubgraph';
