// type-graphql's decorators read design-time types: the polyfill must load before any of them run.
import 'reflect-metadata';

export { buildFamilyPlanningSchema } from './buildFamilyPlanningSchema';
export { familyPlanningPolicy } from './permissions';
export { startFamilyPlanningSubgraph, type StartFamilyPlanningSubgraphOptions } from './startFamilyPlanningSubgraph';
