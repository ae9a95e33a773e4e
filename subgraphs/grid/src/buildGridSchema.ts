import { buildFederatedSchema, type FederatedSchema } from '@resident-graph/subgraph-kit';
import { resolveCommunityReference } from './community/community.reference';
import { CommunityResolver } from './community/community.resolver';
import { resolveGridReference } from './grid/grid.reference';
import { GridResolver } from './grid/grid.resolver';
import { resolveHouseholdReference } from './household/household.reference';
import { HouseholdResolver } from './household/household.resolver';
import { Household } from './household/household.type';
import { resolveResidentReference } from './resident/resident.reference';
import { ResidentResolver } from './resident/resident.resolver';
import { ResidentSearchResolver } from './resident/residentSearch.resolver';
import { Resident } from './resident/resident.type';

/** The grid subgraph's schema; no I/O, so composition can print its SDL. */
export function buildGridSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    { resolvers: [ResidentResolver, ResidentSearchResolver, HouseholdResolver, GridResolver, CommunityResolver], orphanedTypes: [Resident, Household] },
    {
      Resident: { __resolveReference: resolveResidentReference },
      Grid: { __resolveReference: resolveGridReference },
      Community: { __resolveReference: resolveCommunityReference },
      Household: { __resolveReference: resolveHouseholdReference },
    },
  );
}
