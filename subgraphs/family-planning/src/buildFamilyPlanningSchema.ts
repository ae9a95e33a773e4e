import { buildFederatedSchema, type FederatedSchema } from '@resident-graph/subgraph-kit';
import { residentReferenceResolvers } from './resident.reference';
import { ResidentResolver } from './resident.resolver';
import { Resident } from './resident.type';

/** The family-planning subgraph's schema; no I/O, so composition can print its SDL. */
export function buildFamilyPlanningSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({ resolvers: [ResidentResolver], orphanedTypes: [Resident] }, residentReferenceResolvers);
}
