import { buildFederatedSchema, type FederatedSchema } from '@resident-graph/subgraph-kit';
import { AccessLogResolver } from './accessLog.resolver';
import { ChainVerificationResolver } from './chainVerification.resolver';

export function buildAuditSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({ resolvers: [AccessLogResolver, ChainVerificationResolver] });
}
