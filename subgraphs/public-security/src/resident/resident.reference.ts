import { normalizeCitizenId } from '@resident-graph/schemas';
import type { PublicSecurityContext } from '../PublicSecurityContext';
import { loadResident } from './loadResident';
import type { Resident } from './resident.type';
import type { ResidentRepresentation } from './ResidentRepresentation';

/**
 * Public security owns identity, so a reference resolves to the whole resident, or to
 * `null` when it holds no such person. Representations arrive past the `CitizenId`
 * scalar: the key is normalised here; the jurisdiction and the sections are what `@requires`
 * fetched, kept on the resident for the policy and `dataQualityIssues`.
 */
export async function resolveResidentReference(reference: ResidentRepresentation, context: PublicSecurityContext): Promise<Resident | null> {
  const normalized = normalizeCitizenId(String(reference.id));
  if (!normalized.ok) return null;
  return loadResident(context, normalized.id, reference);
}

export const residentReferenceResolvers = {
  Resident: { __resolveReference: resolveResidentReference },
};
