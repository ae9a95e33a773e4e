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

const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;
// Node reads header bytes as Latin-1: a UTF-8 reference sent as it is arrives as these.
const NOT_ASCII = /[\u0080-\u00ff]/;

/**
 * A reference may carry any text: a header cannot, so a client sends it percent-encoded
 * (`encodeURIComponent`), or as raw UTF-8 bytes (curl does), which Node hands over as
 * Latin-1 characters. Both come back as the text meant; a broken escape is refused.
 */
function decodeReference(raw: string): { ok: true; reference: string } | { ok: false; reason: string } {
  if (PERCENT_ESCAPE.test(raw)) {
    try {
      return { ok: true, reference: decodeURIComponent(raw) };
    } catch {
      return { ok: false, reason: 'purpose reference is not valid percent-encoded UTF-8 (encode it with encodeURIComponent)' };
    }
  }
  if (NOT_ASCII.test(raw)) {
    const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
    if (!utf8.includes('\ufffd')) return { ok: true, reference: utf8 };
  }
  return { ok: true, reference: raw };
}

export function parsePurpose(header: string | null | undefined): PurposeParse {
  if (!header || header.trim() === '') return { ok: false, reason: 'no X-Purpose header' };
  const separator = header.indexOf(':');
  const code = (separator === -1 ? header : header.slice(0, separator)).trim();
  if (!Object.hasOwn(PURPOSE_CODES, code)) return { ok: false, reason: `unknown purpose code "${code}"` };
  const raw = separator === -1 ? '' : header.slice(separator + 1).trim();
  if (raw === '') return { ok: true, purpose: { code: code as PurposeCode, reference: null } };
  const decoded = decodeReference(raw);
  if (!decoded.ok) return decoded;
  const reference = decoded.reference.trim();
  if (reference.length > 200) return { ok: false, reason: 'purpose reference longer than 200 characters' };
  return { ok: true, purpose: { code: code as PurposeCode, reference: reference || null } };
}
