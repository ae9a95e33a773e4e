import { buildFederatedSchema, type FederatedSchema } from '@resident-graph/subgraph-kit';
import { householdReferenceResolvers } from './household/household.reference';
import { HouseholdResolver } from './household/household.resolver';
import { residentReferenceResolvers } from './resident/resident.reference';
import { PublishedIssueResolver, ResidentResolver } from './resident/resident.resolver';

/** The public-security subgraph's schema; no I/O, so composition can print its SDL. */
export function buildPublicSecuritySchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    { resolvers: [ResidentResolver, PublishedIssueResolver, HouseholdResolver] },
    { ...residentReferenceResolvers, ...householdReferenceResolvers },
  );
}
