export { buildPublicSecuritySchema } from './buildPublicSecuritySchema';
export { startPublicSecuritySubgraph, type StartPublicSecuritySubgraphOptions } from './startPublicSecuritySubgraph';
