// type-graphql's decorators read design-time types: the polyfill must load before any of them run.
import 'reflect-metadata';

export { buildCivilAffairsSchema } from './buildCivilAffairsSchema';
export { civilAffairsPolicy } from './permissions';
export { startCivilAffairsSubgraph, type StartCivilAffairsSubgraphOptions } from './startCivilAffairsSubgraph';
