import type { Jurisdiction } from '@resident-graph/subgraph-kit';
import type { PublicSecurityContext } from '../PublicSecurityContext';
import type { Household } from './household.type';
import { loadHousehold } from './loadHousehold';

export const householdReferenceResolvers = {
  Household: {
    __resolveReference: (reference: { id: string; jurisdiction?: Jurisdiction | null }, context: PublicSecurityContext): Promise<Household | null> =>
      loadHousehold(context, String(reference.id), reference.jurisdiction ?? null),
  },
};
