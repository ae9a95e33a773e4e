import DataLoader from 'dataloader';
import type { DepartmentAdapter, DepartmentLookup } from '@resident-graph/adapter-kit';
import type { LabourRecord } from '@resident-graph/adapter-labour';

export interface LabourContext {
  /** Every resident's section asked for in one request costs one adapter lookup. */
  labour: DataLoader<string, DepartmentLookup<LabourRecord>>;
}

export function createLabourContext(adapter: DepartmentAdapter<LabourRecord>): LabourContext {
  return {
    labour: new DataLoader(async (ids) => {
      const answers = await adapter.lookup(ids);
      return ids.map((id) => answers.get(id) ?? { record: null, issues: [] });
    }),
  };
}
