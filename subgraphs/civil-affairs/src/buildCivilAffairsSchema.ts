import { buildFederatedSchema, type FederatedSchema } from '@resident-graph/subgraph-kit';
import { ResidentResolver } from './resident.resolver';
import { residentReferenceResolvers } from './resident.reference';
import { Resident } from './resident.type';

/** The civil-affairs subgraph's schema; no I/O, so composition can print its SDL. */
export function buildCivilAffairsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({ resolvers: [ResidentResolver], orphanedTypes: [Resident] }, residentReferenceResolvers);
}
