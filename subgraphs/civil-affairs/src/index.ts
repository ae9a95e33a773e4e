// type-graphql's decorators read design-time types: the polyfill must load before any of them run.
import 'reflect-metadata';

export { civilAffairsSubgraph } from './civilAffairsSubgraph';
export { civilAffairsPolicy } from './permissions';
export { civilAffairsStatistics } from './civilAffairsStatistics';
