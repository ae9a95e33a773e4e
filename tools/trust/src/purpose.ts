/**
 * Why personal data is read (`X-Purpose: CODE[:reference]`). Every read of a person's
 * data states one; the reference is free text such as a case number.
 */
export const PURPOSE_CODES = {
  SERVICE_APPLICATION: 'serving an application at the acceptance window (一门式受理)',
  HOME_VISIT: 'a door-to-door visit by the grid worker (入户走访)',
  CASE_REVIEW: "reviewing a case of the officer's department (个案审核)",
  ELIGIBILITY_CHECK: 'checking eligibility for a benefit (资格核查)',
  DATA_CORRECTION: 'correcting a record reported wrong (信息更正)',
  EMERGENCY: 'an emergency reported by the grid (突发事件处置)',
  SUPERVISION: 'supervision of access by the auditor (纪检监察)',
} as const;
export type PurposeCode = keyof typeof PURPOSE_CODES;

export interface Purpose {
  code: PurposeCode;
  reference: string | null;
}

export type PurposeParse = { ok: true; purpose: Purpose } | { ok: false; reason: string };

export function parsePurpose(header: string | null | undefined): PurposeParse {
  if (!header || header.trim() === '') return { ok: false, reason: 'no X-Purpose header' };
  const separator = header.indexOf(':');
  const code = (separator === -1 ? header : header.slice(0, separator)).trim();
  const reference = separator === -1 ? null : header.slice(separator + 1).trim() || null;
  if (!Object.hasOwn(PURPOSE_CODES, code)) return { ok: false, reason: `unknown purpose code "${code}"` };
  if (reference && reference.length > 200) return { ok: false, reason: 'purpose reference longer than 200 characters' };
  return { ok: true, purpose: { code: code as PurposeCode, reference } };
}
