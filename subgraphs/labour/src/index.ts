export { buildLabourSchema } from './buildLabourSchema';
export { startLabourSubgraph, type StartLabourSubgraphOptions } from './startLabourSubgraph';
