import type { DepartmentLookup } from '@resident-graph/adapter-kit';
import type { GridRecord } from '@resident-graph/adapter-grid';
import { toGraphQLError, type Jurisdiction } from '@resident-graph/subgraph-kit';
import type { GridContext } from '../GridContext';

/** What the grid database holds on a resident, through the request's loader. */
export async function lookupResident(context: GridContext, id: string): Promise<DepartmentLookup<GridRecord>> {
  try {
    return await context.residents.load(id);
  } catch (error) {
    throw toGraphQLError(error);
  }
}

/** Where a resident actually lives; null when the grid survey does not know them. */
export async function residentJurisdiction(context: GridContext, id: string): Promise<Jurisdiction | null> {
  const { record } = await lookupResident(context, id);
  return record && { gridId: record.gridId, communityId: record.communityId };
}
