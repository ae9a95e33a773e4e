import type { Department, TruthResident } from './truth';

export interface StoredIdentity {
  storedId: string;
  storedName: string;
}

/** The citizen ID and name a department's records hold for a resident: the truth with that department's imperfections applied. */
export function storedIdentityOf(resident: TruthResident, department: Department): StoredIdentity {
  const identity = { storedId: resident.id, storedName: resident.name };
  for (const imperfection of resident.imperfections) {
    if (imperfection.department !== department) continue;
    if (imperfection.kind === 'NAME_VARIANT') identity.storedName = imperfection.storedName;
    else identity.storedId = imperfection.storedId;
  }
  return identity;
}
