// type-graphql's decorators read design-time types: the polyfill must load before any of them run.
import 'reflect-metadata';

export { buildGridSchema } from './buildGridSchema';
export { startGridSubgraph } from './startGridSubgraph';
export { gridPolicy, gridTable } from './permissions';
