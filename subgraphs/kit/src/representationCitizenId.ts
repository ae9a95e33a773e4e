import { normalizeCitizenId } from '@resident-graph/schemas';

/**
 * The key of an entity representation, normalised. Representations arrive as plain JSON,
 * past the `CitizenId` scalar, so a 15-digit or full-width ID must be made canonical here
 * to find the same record; a key that is no valid ID stays as sent and finds nothing.
 */
export function representationCitizenId(reference: { id: unknown }): string {
  const normalized = normalizeCitizenId(String(reference.id));
  return normalized.ok ? normalized.id : String(reference.id);
}
