import DataLoader from 'dataloader';
import type { DepartmentLookup } from '@resident-graph/adapter-kit';
import type { PolicedContext } from '@resident-graph/subgraph-kit';
import type { CommunityInfo, GridAdapter, GridInfo, GridRecord, GridWorkerInfo, HouseholdLocation } from '@resident-graph/adapter-grid';

/** Per request: every loader batches what one request asks for into one adapter call. */
export interface GridContext {
  adapter: GridAdapter;
  residents: DataLoader<string, DepartmentLookup<GridRecord>>;
  grids: DataLoader<string, GridInfo | null>;
  communities: DataLoader<string, CommunityInfo | null>;
  communityGrids: DataLoader<string, GridInfo[]>;
  gridWorkers: DataLoader<string, GridWorkerInfo[]>;
  households: DataLoader<string, HouseholdLocation | null>;
}

/** What resolvers and policy rules see: the loaders, the verified caller and what the request served. */
export type PolicedGridContext = GridContext & PolicedContext;

function loaderOf<V>(fetch: (keys: readonly string[]) => Promise<Map<string, V>>, missing: V): DataLoader<string, V> {
  return new DataLoader(async (keys) => {
    const found = await fetch(keys);
    return keys.map((key) => found.get(key) ?? missing);
  });
}

export function createGridContext(adapter: GridAdapter): GridContext {
  const communities = loaderOf((ids) => adapter.getCommunities(ids), null);
  return {
    adapter,
    residents: loaderOf((ids) => adapter.lookup(ids), { record: null, issues: [] }),
    // A grid's community comes with it, so `grid { community { name } }` costs no second query.
    grids: loaderOf(async (ids) => {
      const grids = await adapter.getGrids(ids);
      for (const grid of grids.values()) communities.prime(grid.community.id, grid.community);
      return grids;
    }, null),
    communities,
    communityGrids: loaderOf((ids) => adapter.listCommunityGrids(ids), []),
    gridWorkers: loaderOf((ids) => adapter.listGridWorkers(ids), []),
    households: loaderOf((ids) => adapter.locateHouseholds(ids), null),
  };
}
