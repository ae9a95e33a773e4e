import DataLoader from 'dataloader';
import type { DepartmentAdapter, DepartmentLookup } from '@resident-graph/adapter-kit';
import type { CivilAffairsRecord } from '@resident-graph/adapter-civil-affairs';

export interface CivilAffairsContext {
  /** Every resident's section asked for in one request costs one adapter lookup. */
  civilAffairs: DataLoader<string, DepartmentLookup<CivilAffairsRecord>>;
}

export function createCivilAffairsContext(adapter: DepartmentAdapter<CivilAffairsRecord>): CivilAffairsContext {
  return {
    civilAffairs: new DataLoader(async (ids) => {
      const answers = await adapter.lookup(ids);
      return ids.map((id) => answers.get(id) ?? { record: null, issues: [] });
    }),
  };
}
