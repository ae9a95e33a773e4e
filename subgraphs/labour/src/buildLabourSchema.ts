import { buildFederatedSchema, type FederatedSchema } from '@resident-graph/subgraph-kit';
import { ResidentResolver } from './resident.resolver';
import { Resident } from './resident.type';
import { residentReferenceResolvers } from './resident.reference';

/** The labour subgraph's schema; no I/O, so composition can print its SDL. */
export function buildLabourSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({ resolvers: [ResidentResolver], orphanedTypes: [Resident] }, residentReferenceResolvers);
}
