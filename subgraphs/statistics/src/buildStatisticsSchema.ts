import { buildFederatedSchema, type FederatedSchema } from '@resident-graph/subgraph-kit';
import { StatisticsResolver } from './statistics.resolver';

export function buildStatisticsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({ resolvers: [StatisticsResolver] });
}
