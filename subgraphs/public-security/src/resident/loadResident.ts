import { toGraphQLError } from '@resident-graph/subgraph-kit';
import type { PublicSecurityContext } from '../PublicSecurityContext';
import type { Resident } from './resident.type';
import { toResident } from './toResident';

/** The resident through the request's DataLoader; `null` when public security has no such person. */
export async function loadResident(context: PublicSecurityContext, id: string): Promise<Resident | null> {
  try {
    const lookup = await context.persons.load(id);
    return lookup.record ? toResident(lookup.record, lookup.issues) : null;
  } catch (error) {
    throw toGraphQLError(error);
  }
}
