import { GENDER_CODES, storedIdentityOf, type Gender, type TruthResident } from '@resident-graph/schemas';
import type { JsxxPerson } from '../jsxx/JsxxPerson';
import { toJsxxDate } from '../jsxx/jsxxDate';

const genderCode = (gender: Gender): string => Object.entries(GENDER_CODES).find(([, value]) => value === gender)![0];

/**
 * The record the service holds on a resident, keyed and named as the truth's
 * imperfections for family planning say; `null` when the department holds nothing.
 */
export function toJsxxPerson(resident: TruthResident, recordNumber: string): JsxxPerson | null {
  const facts = resident.familyPlanning;
  if (!facts) return null;
  const { storedId, storedName } = storedIdentityOf(resident, 'family-planning');
  return {
    GRBH: recordNumber,
    SFZH: storedId,
    XM: storedName,
    YLFNBZ: facts.childBearingAge ? '1' : '0',
    Child: facts.children.map((child) => ({
      SFZH: child.id ?? '',
      XM: child.name,
      XB: genderCode(child.gender),
      CSRQ: toJsxxDate(child.birthDate),
    })),
    SYDJ: facts.birthRegistrations.map((registration) => ({
      DJBH: registration.registrationNumber,
      DJRQ: toJsxxDate(registration.registeredOn),
      HC: String(registration.childOrder),
    })),
    DSZNZ: facts.onlyChildCertificate ? { ZH: facts.onlyChildCertificate.certificateNumber, FZRQ: toJsxxDate(facts.onlyChildCertificate.issuedOn) } : undefined,
    JLFZ: facts.rewardSupport ? { KSRQ: toJsxxDate(facts.rewardSupport.since), NJE: facts.rewardSupport.amountPerYear.toFixed(2) } : undefined,
  };
}
