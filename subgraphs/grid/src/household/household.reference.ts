import type { Household } from './household.type';

/** Only the key: where the household is comes from the grid database, never from the representation. */
export function resolveHouseholdReference(reference: { id: string }): Household {
  return { id: String(reference.id) };
}
