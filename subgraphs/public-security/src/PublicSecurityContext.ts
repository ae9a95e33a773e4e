import DataLoader from 'dataloader';
import type { DepartmentLookup } from '@resident-graph/adapter-kit';
import type { HouseholdRecord, PublicSecurityAdapter, PublicSecurityRecord } from '@resident-graph/adapter-public-security';

export interface PublicSecurityContext {
  /** Every person asked for in one request costs one call to the system. */
  persons: DataLoader<string, DepartmentLookup<PublicSecurityRecord>>;
  /** Likewise every registered household. */
  households: DataLoader<string, HouseholdRecord | null>;
}

export function createPublicSecurityContext(adapter: PublicSecurityAdapter): PublicSecurityContext {
  return {
    persons: new DataLoader(async (ids) => {
      const answers = await adapter.lookup(ids);
      return ids.map((id) => answers.get(id) ?? { record: null, issues: [] });
    }),
    households: new DataLoader(async (ids) => {
      const answers = await adapter.lookupHouseholds(ids);
      return ids.map((id) => answers.get(id) ?? null);
    }),
  };
}
