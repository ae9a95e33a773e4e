import { normalizeCitizenId } from '@resident-graph/schemas';
import type { Resident } from './resident.type';

/**
 * Representations arrive as plain JSON, past the `CitizenId` scalar: normalise the key
 * here so a 15-digit or full-width ID finds the same record.
 */
export function resolveResidentReference(reference: { id: string }): Resident {
  const normalized = normalizeCitizenId(String(reference.id));
  return { id: normalized.ok ? normalized.id : reference.id };
}
