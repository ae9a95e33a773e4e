// type-graphql's decorators read design-time types: the polyfill must load before any of them run.
import 'reflect-metadata';

export { familyPlanningSubgraph } from './familyPlanningSubgraph';
export { familyPlanningPolicy } from './permissions';
export { familyPlanningStatistics } from './familyPlanningStatistics';
