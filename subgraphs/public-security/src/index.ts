export { buildPublicSecuritySchema } from './buildPublicSecuritySchema';
export { publicSecurityPolicy, publicSecurityTable } from './permissions';
export { startPublicSecuritySubgraph } from './startPublicSecuritySubgraph';
