import { normalizeCitizenId } from '@resident-graph/schemas';
import { representationJurisdiction } from '@resident-graph/subgraph-kit';
import type { Resident } from './resident.type';

/**
 * Representations arrive as plain JSON, past the `CitizenId` scalar: normalise the key
 * here so a 15-digit or full-width ID finds the same record. The jurisdiction the gateway
 * put in the representation stays on the resident: the policy reads it from there.
 */
export function resolveResidentReference(reference: { id: string } & Record<string, unknown>): Resident {
  const normalized = normalizeCitizenId(String(reference.id));
  return { id: normalized.ok ? normalized.id : reference.id, jurisdiction: representationJurisdiction(reference) };
}

export const residentReferenceResolvers = {
  Resident: { __resolveReference: resolveResidentReference },
};
