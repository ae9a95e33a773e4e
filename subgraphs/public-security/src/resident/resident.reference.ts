import { normalizeCitizenId } from '@resident-graph/schemas';
import type { PublicSecurityContext } from '../PublicSecurityContext';
import { loadResident } from './loadResident';
import type { Resident } from './resident.type';

/**
 * Public security owns identity, so a reference resolves to the whole resident, or to
 * `null` when it holds no such person. Representations arrive past the `CitizenId`
 * scalar: the key is normalised here, and nothing else a representation carries is read.
 */
export async function resolveResidentReference(reference: { id: unknown }, context: PublicSecurityContext): Promise<Resident | null> {
  const normalized = normalizeCitizenId(String(reference.id));
  if (!normalized.ok) return null;
  return loadResident(context, normalized.id);
}

export const residentReferenceResolvers = {
  Resident: { __resolveReference: resolveResidentReference },
};
