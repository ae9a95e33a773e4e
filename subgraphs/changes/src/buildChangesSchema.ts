import { buildFederatedSchema, type FederatedSchema } from '@resident-graph/subgraph-kit';
import { ChangesResolver } from './changes.resolver';

export function buildChangesSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({ resolvers: [ChangesResolver] });
}
