import { toGraphQLError, type Jurisdiction } from '@resident-graph/subgraph-kit';
import type { PublicSecurityContext } from '../PublicSecurityContext';
import { Household } from './household.type';

/**
 * The registered household through the request's DataLoader; `null` when unknown. The
 * jurisdiction `@requires` fetched, if any, stays on it for the policy.
 */
export async function loadHousehold(context: PublicSecurityContext, id: string, jurisdiction: Jurisdiction | null = null): Promise<Household | null> {
  try {
    const record = await context.households.load(id);
    return (
      record && Object.assign(new Household(), { id: record.id, registeredAddress: record.registeredAddress, memberRecords: record.members, jurisdiction })
    );
  } catch (error) {
    throw toGraphQLError(error);
  }
}
