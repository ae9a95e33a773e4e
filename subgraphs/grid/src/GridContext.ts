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
  /** Keeps a resident's record, and where their dwelling is, for the rest of the operation. */
  rememberResident(citizenId: string, lookup: DepartmentLookup<GridRecord>): void;
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
  const households = loaderOf((ids) => adapter.locateHouseholds(ids), null);
  // A dwelling is where its residents are: knowing them answers the household's jurisdiction without a query.
  const locateDwelling = ({ record }: DepartmentLookup<GridRecord>) => {
    if (record) households.prime(record.householdId, { gridId: record.gridId, communityId: record.communityId });
  };
  const residents = loaderOf(
    async (ids) => {
      const found = await adapter.lookup(ids);
      for (const lookup of found.values()) locateDwelling(lookup);
      return found;
    },
    { record: null, issues: [] } as DepartmentLookup<GridRecord>,
  );
  return {
    adapter,
    residents,
    rememberResident(citizenId, lookup) {
      residents.prime(citizenId, lookup);
      locateDwelling(lookup);
    },
    // A grid's community comes with it, so `grid { community { name } }` costs no second query.
    grids: loaderOf(async (ids) => {
      const grids = await adapter.getGrids(ids);
      for (const grid of grids.values()) communities.prime(grid.community.id, grid.community);
      return grids;
    }, null),
    communities,
    communityGrids: loaderOf((ids) => adapter.listCommunityGrids(ids), []),
    gridWorkers: loaderOf((ids) => adapter.listGridWorkers(ids), []),
    households,
  };
}
