import DataLoader from 'dataloader';
import type { DepartmentAdapter, DepartmentLookup } from '@resident-graph/adapter-kit';
import type { FamilyPlanningRecord } from '@resident-graph/adapter-family-planning';

export interface FamilyPlanningContext {
  /** Every resident's section asked for in one request costs one adapter lookup. */
  familyPlanning: DataLoader<string, DepartmentLookup<FamilyPlanningRecord>>;
}

export function createFamilyPlanningContext(adapter: DepartmentAdapter<FamilyPlanningRecord>): FamilyPlanningContext {
  return {
    familyPlanning: new DataLoader(async (ids) => {
      const answers = await adapter.lookup(ids);
      return ids.map((id) => answers.get(id) ?? { record: null, issues: [] });
    }),
  };
}
