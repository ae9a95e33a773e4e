import { normalizeCitizenId } from '@resident-graph/schemas';
import type { Resident } from './resident.type';

/**
 * Representations arrive as plain JSON, past the `CitizenId` scalar: normalise the key
 * so a 15-digit or full-width ID reaches the same record.
 */
export function resolveResidentReference(reference: { id: string }): Resident {
  const normalized = normalizeCitizenId(String(reference.id));
  return { id: normalized.ok ? normalized.id : reference.id };
}

export const residentReferenceResolvers = {
  Resident: { __resolveReference: resolveResidentReference },
};
