import type { Population } from '@resident-graph/schemas';
import type { Jurisdiction } from '../policy/Policy';
import type { JurisdictionIndex } from '../policy/jurisdictionIndex';

export type CountedJurisdictionIndex = JurisdictionIndex & { lookups: number };

/**
 * A jurisdiction index answering from fixed placements, for unit tests of a subgraph
 * without the grid database: residents by citizen ID, households by number; anyone else
 * is unknown to the survey. `lookups` counts the batches asked for.
 */
export function fixedJurisdiction(
  residents: ReadonlyMap<string, Jurisdiction>,
  households: ReadonlyMap<string, Jurisdiction> = new Map(),
): CountedJurisdictionIndex {
  const pick = (from: ReadonlyMap<string, Jurisdiction>, keys: readonly string[]) =>
    new Map(keys.flatMap((key) => (from.has(key) ? [[key, from.get(key)!] as const] : [])));
  const index = {
    lookups: 0,
    async placeResidents(ids: readonly string[]) {
      index.lookups += 1;
      return pick(residents, ids);
    },
    async placeHouseholds(ids: readonly string[]) {
      index.lookups += 1;
      return pick(households, ids);
    },
    async close() {},
  };
  return index;
}

/**
 * The index a grid database loaded from `population` would answer: residents where the
 * truth places them; dwellings where their building stands, or — for a population without
 * a street plan — where their registered members live.
 */
export function populationJurisdiction(population: Population): CountedJurisdictionIndex {
  const communityOf = new Map(population.street.grids.map((grid) => [grid.id, grid.communityId]));
  const gridOfBuilding = new Map(population.street.buildings.map((building) => [building.id, building.gridId]));
  const residents = new Map(population.residents.map((resident) => [resident.id, { gridId: resident.grid.gridId, communityId: resident.grid.communityId }]));
  const households = new Map<string, Jurisdiction>(
    population.residents.flatMap((resident) =>
      resident.publicSecurity.householdId ? [[resident.publicSecurity.householdId, residents.get(resident.id)!] as const] : [],
    ),
  );
  for (const household of population.street.households) {
    const gridId = gridOfBuilding.get(household.buildingId);
    if (gridId) households.set(household.id, { gridId, communityId: communityOf.get(gridId) ?? null });
  }
  return fixedJurisdiction(residents, households);
}
