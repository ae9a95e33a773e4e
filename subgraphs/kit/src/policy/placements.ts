import DataLoader from 'dataloader';
import type { JurisdictionIndex } from './jurisdictionIndex';
import type { Jurisdiction } from './Policy';

/** One request's view of the jurisdiction index: every resident (household) it checks costs one batched lookup. */
export interface Placements {
  residents: DataLoader<string, Jurisdiction | null>;
  households: DataLoader<string, Jurisdiction | null>;
}

export function createPlacements(index: JurisdictionIndex): Placements {
  const loader = (place: (keys: readonly string[]) => Promise<Map<string, Jurisdiction>>) =>
    new DataLoader<string, Jurisdiction | null>(async (keys) => {
      const found = await place(keys);
      return keys.map((key) => found.get(key) ?? null);
    });
  return { residents: loader((ids) => index.placeResidents(ids)), households: loader((ids) => index.placeHouseholds(ids)) };
}

/** The jurisdiction rule's source for `Resident`: the grid database's placement of its key. */
export const residentPlacement = (parent: Record<string, unknown>, context: { placements: Placements }): Promise<Jurisdiction | null> =>
  context.placements.residents.load(String(parent.id));

/** Likewise for `Household`, by household number. */
export const householdPlacement = (parent: Record<string, unknown>, context: { placements: Placements }): Promise<Jurisdiction | null> =>
  context.placements.households.load(String(parent.id));
