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
// C0 controls, DEL and C1 controls: line breaks and NULs forge log lines and break storage.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The maximum length of a reference, in characters once decoded. */
export const MAX_PURPOSE_REFERENCE = 200;

type Decoded = { ok: true; reference: string } | { ok: false; reason: string };

/** Raw UTF-8 bytes (curl sends them) arrive as Latin-1 characters: read them as UTF-8 if they are. */
function fromHeaderBytes(raw: string): string {
  if (!NOT_ASCII.test(raw)) return raw;
  const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
  return utf8.includes('\ufffd') ? raw : utf8;
}

/**
 * A reference may carry any text: a header cannot, so a client sends it percent-encoded
 * (`encodeURIComponent`), or as raw UTF-8 bytes, or both. Decoded exactly once, here: what
 * comes out is what the audit trail records (`%2541` is the text `%41`). A broken escape
 * and a control character, escaped or not, are refused.
 */
function decodeReference(raw: string): Decoded {
  let reference = fromHeaderBytes(raw);
  if (PERCENT_ESCAPE.test(reference)) {
    try {
      reference = decodeURIComponent(reference);
    } catch {
      return { ok: false, reason: 'purpose reference is not valid percent-encoded UTF-8 (encode it with encodeURIComponent)' };
    }
  }
  if (CONTROL.test(reference)) return { ok: false, reason: 'purpose reference contains a control character' };
  if (reference.length > MAX_PURPOSE_REFERENCE) return { ok: false, reason: `purpose reference longer than ${MAX_PURPOSE_REFERENCE} characters` };
  return { ok: true, reference };
}

export const isPurposeCode = (code: unknown): code is PurposeCode => typeof code === 'string' && Object.hasOwn(PURPOSE_CODES, code);

/**
 * Reads `X-Purpose: CODE[:reference]` as the gateway receives it. Only the gateway calls
 * this: subgraphs get code and reference as separate signed claims, never the header.
 */
export function parsePurpose(header: string | null | undefined): PurposeParse {
  if (!header || header.trim() === '') return { ok: false, reason: 'no X-Purpose header' };
  const separator = header.indexOf(':');
  const code = (separator === -1 ? header : header.slice(0, separator)).trim();
  if (!isPurposeCode(code)) return { ok: false, reason: `unknown purpose code "${code}"` };
  // Only the header's own surrounding whitespace goes; the decoded text is kept as it is.
  const raw = separator === -1 ? '' : header.slice(separator + 1).trim();
  if (raw === '') return { ok: true, purpose: { code, reference: null } };
  const decoded = decodeReference(raw);
  return decoded.ok ? { ok: true, purpose: { code, reference: decoded.reference } } : decoded;
}
