// type-graphql's decorators read design-time types: the polyfill must load before any of them run.
import 'reflect-metadata';

export { labourSubgraph } from './labourSubgraph';
export { labourPolicy } from './permissions';
export { labourStatistics } from './labourStatistics';
