import type { PublicSecurityContext } from '../PublicSecurityContext';
import type { Household } from './household.type';
import { loadHousehold } from './loadHousehold';

export const householdReferenceResolvers = {
  Household: {
    __resolveReference: (reference: { id: string }, context: PublicSecurityContext): Promise<Household | null> => loadHousehold(context, String(reference.id)),
  },
};
