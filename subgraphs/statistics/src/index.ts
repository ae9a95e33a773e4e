import 'reflect-metadata';

export { buildStatisticsSchema } from './buildStatisticsSchema';
export { startStatisticsSubgraph, type StartStatisticsSubgraphOptions } from './startStatisticsSubgraph';
export { statisticsPolicy } from './permissions';
export { combineKeySets, type CombineInput, type StatisticsSettings } from './answerStatistics';
