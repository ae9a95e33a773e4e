import DataLoader from 'dataloader';
import type { DepartmentAdapter, DepartmentLookup } from '@resident-graph/adapter-kit';

export interface SectionContext<TRecord> {
  /** Every resident's section asked for in one operation costs one adapter lookup. */
  lookups: DataLoader<string, DepartmentLookup<TRecord>>;
}

export function createSectionContext<TRecord>(adapter: DepartmentAdapter<TRecord>): SectionContext<TRecord> {
  return {
    lookups: new DataLoader(async (ids) => {
      const answers = await adapter.lookup(ids);
      return ids.map((id) => answers.get(id) ?? { record: null, issues: [] });
    }),
  };
}
