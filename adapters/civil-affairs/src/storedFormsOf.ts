import type { StoredIdIndex } from '@resident-graph/adapter-kit';
import { toFifteenDigitId } from '@resident-graph/schemas';

/**
 * The stored forms a lookup of these IDs must ask the database for: those the last scan
 * saw, and the 15-digit form of every ID old enough to have one, since a row entered
 * after the scan may be keyed by it.
 */
export function storedFormsOf(citizenIds: readonly string[], index: StoredIdIndex): string[] {
  const fifteenDigit = citizenIds.map(toFifteenDigitId).filter((id) => id !== null);
  return [...new Set([...index.storedFormsOf(citizenIds), ...fifteenDigit])];
}
