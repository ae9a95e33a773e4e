// type-graphql's decorators read design-time types: the polyfill must load before any of them run.
import 'reflect-metadata';

export { buildLabourSchema } from './buildLabourSchema';
export { startLabourSubgraph, type StartLabourSubgraphOptions } from './startLabourSubgraph';
export { labourPolicy, labourTable } from './permissions';
