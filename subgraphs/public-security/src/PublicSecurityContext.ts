import DataLoader from 'dataloader';
import type { DepartmentLookup } from '@resident-graph/adapter-kit';
import type { HouseholdRecord, PublicSecurityAdapter, PublicSecurityRecord } from '@resident-graph/adapter-public-security';
import type { DataQualityIndex, IndexedIssue } from '@resident-graph/subgraph-kit';

export interface PublicSecurityContext {
  /** Every person asked for in one request costs one call to the system. */
  persons: DataLoader<string, DepartmentLookup<PublicSecurityRecord>>;
  /** Likewise every registered household. */
  households: DataLoader<string, HouseholdRecord | null>;
  /** What the departments published on each resident asked for: one read of the data-quality index per request. */
  publishedIssues: DataLoader<string, IndexedIssue[]>;
}

export function createPublicSecurityContext(adapter: PublicSecurityAdapter, dataQuality: DataQualityIndex): PublicSecurityContext {
  return {
    persons: new DataLoader(async (ids) => {
      const answers = await adapter.lookup(ids);
      return ids.map((id) => answers.get(id) ?? { record: null, issues: [] });
    }),
    households: new DataLoader(async (ids) => {
      const answers = await adapter.lookupHouseholds(ids);
      return ids.map((id) => answers.get(id) ?? null);
    }),
    publishedIssues: new DataLoader(async (ids) => {
      const published = await dataQuality.issuesOf(ids);
      return ids.map((id) => published.get(id) ?? []);
    }),
  };
}
