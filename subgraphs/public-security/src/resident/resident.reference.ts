import { normalizeCitizenId } from '@resident-graph/schemas';
import type { PublicSecurityContext } from '../PublicSecurityContext';
import type { DepartmentSections } from './departmentSections.type';
import { loadResident } from './loadResident';
import type { Resident } from './resident.type';

type ResidentRepresentation = DepartmentSections & { id: string };

/**
 * Public security owns identity, so a reference resolves to the whole resident, or to
 * `null` when it holds no such person. Representations arrive past the `CitizenId`
 * scalar: the key is normalised here; the sections are what `@requires` fetched.
 */
export async function resolveResidentReference(reference: ResidentRepresentation, context: PublicSecurityContext): Promise<Resident | null> {
  const normalized = normalizeCitizenId(String(reference.id));
  if (!normalized.ok) return null;
  return loadResident(context, normalized.id, reference);
}

export const residentReferenceResolvers = {
  Resident: { __resolveReference: resolveResidentReference },
};
