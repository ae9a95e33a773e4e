export { buildCivilAffairsSchema } from './buildCivilAffairsSchema';
export { startCivilAffairsSubgraph, type StartCivilAffairsSubgraphOptions } from './startCivilAffairsSubgraph';
