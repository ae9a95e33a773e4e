import type { ChangeOutcome } from '@resident-graph/adapter-kit';
import { GENDER_CODES, type Gender, type ReportedChange } from '@resident-graph/schemas';
import { CHANGE_TYPE_BY_KIND, type RawChangeRequest, type RawChangeResult } from './changeWire';

/** 性别代码 (GB/T 2261.1) of a sex. */
const sexCode = (gender: Gender) => Object.entries(GENDER_CODES).find(([, value]) => value === gender)![0];

/** The register's change business for a reported change; `null` for a kind it takes no part in. */
export function toChangeRequest(change: ReportedChange): RawChangeRequest | null {
  const type = CHANGE_TYPE_BY_KIND[change.kind];
  const subject = change.kind === 'BIRTH' ? change.birth?.motherId : change.residentId;
  if (type === undefined || !subject) return null;
  return {
    BGLX: type,
    GMSFHM: subject,
    BGRQ: change.occurredOn.replaceAll('-', ''),
    ...(change.move && { XHJDZ: change.move.address }),
    ...(change.moveOut && { QWDZ: change.moveOut.toAddress }),
    ...(change.spouse && { POGMSFHM: change.spouse.spouseId }),
    ...(change.birth && {
      XSE: { XM: change.birth.childName, XB: sexCode(change.birth.childGender), ...(change.birth.fatherId && { FQGMSFHM: change.birth.fatherId }) },
    }),
  };
}

/** 受理 is accepted; 不予受理 is the register's rejection, in its own words. */
export function toChangeOutcome(result: RawChangeResult): ChangeOutcome {
  return result.SLJG === '1'
    ? { outcome: 'ACCEPTED' }
    : { outcome: 'REJECTED', reason: `household register refused (不予受理): ${result.BYSLYY ?? 'no reason given'}` };
}
