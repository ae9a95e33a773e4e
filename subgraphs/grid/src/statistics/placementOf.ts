import type { PlacementRow } from '@resident-graph/adapter-grid';
import type { Placement } from '@resident-graph/subgraph-kit';

const byKey = (a: { key: bigint }, b: { key: bigint }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The wire's placement of the grid database's rows: sorted by key, each with its grid's
 * index and a dwelling number counted from 0 in key order, so the numbers say who shares
 * a dwelling and nothing about which dwelling it is.
 */
export function placementOf(rows: readonly PlacementRow[], keyOf: (citizenId: string) => bigint): Placement {
  const communityByGrid = new Map(rows.map((row) => [row.gridId, row.communityId]));
  const gridIds = [...communityByGrid.keys()].sort();
  const gridIndex = new Map(gridIds.map((gridId, index) => [gridId, index]));
  const keyed = rows.map((row) => ({ key: keyOf(row.citizenId), row })).sort(byKey);
  const dwellings = new Map<string, number>();
  const placement: Placement = {
    keys: new BigUint64Array(keyed.length),
    grid: new Uint16Array(keyed.length),
    household: new Uint32Array(keyed.length),
    gridIds,
    communityOfGrid: gridIds.map((gridId) => communityByGrid.get(gridId)!),
  };
  keyed.forEach(({ key, row }, i) => {
    if (!dwellings.has(row.householdId)) dwellings.set(row.householdId, dwellings.size);
    placement.keys[i] = key;
    placement.grid[i] = gridIndex.get(row.gridId)!;
    placement.household[i] = dwellings.get(row.householdId)!;
  });
  return placement;
}
