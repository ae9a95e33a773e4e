/**
 * Citizen ID (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date,
 * 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

export type CitizenIdProblem = 'EMPTY' | 'WRONG_LENGTH' | 'NOT_DIGITS' | 'BAD_BIRTH_DATE' | 'BAD_CHECK_DIGIT';

export type CitizenIdResult = { ok: true; id: string; converted: boolean } | { ok: false; problem: CitizenIdProblem; cleaned: string };

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** Removes white space, folds full-width digits and letters, upper-cases the check `x`. */
export function cleanCitizenId(raw: string): string {
  return raw
    .replace(/[\s\u3000]/g, '')
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1880 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Converts a 15-digit ID issued before 1999 to its 18-character form. */
export function convert15To18(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + checkCharacter(first17);
}

/**
 * The 15-digit form an ID had before 1999 (the inverse of `convert15To18`): what older
 * department records may still be keyed by. `null` for an ID of someone not born in the
 * 1900s, which never had one.
 */
export function toFifteenDigitId(id18: string): string | null {
  return id18.slice(6, 8) === '19' ? id18.slice(0, 6) + id18.slice(8, 17) : null;
}

/**
 * Normalises what a department holds into the canonical 18-character ID, or says why it
 * cannot: an ID that fails its check digit is never "repaired" into someone else's.
 */
export function normalizeCitizenId(raw: string): CitizenIdResult {
  const cleaned = cleanCitizenId(raw);
  if (cleaned.length === 0) return { ok: false, problem: 'EMPTY', cleaned };
  if (cleaned.length === 15) {
    if (!/^\d{15}$/.test(cleaned)) return { ok: false, problem: 'NOT_DIGITS', cleaned };
    if (!isRealDate(`19${cleaned.slice(6, 12)}`)) return { ok: false, problem: 'BAD_BIRTH_DATE', cleaned };
    return { ok: true, id: convert15To18(cleaned), converted: true };
  }
  if (cleaned.length !== 18) return { ok: false, problem: 'WRONG_LENGTH', cleaned };
  if (!/^\d{17}[\dX]$/.test(cleaned)) return { ok: false, problem: 'NOT_DIGITS', cleaned };
  if (!isRealDate(cleaned.slice(6, 14))) return { ok: false, problem: 'BAD_BIRTH_DATE', cleaned };
  if (checkCharacter(cleaned) !== cleaned[17]) return { ok: false, problem: 'BAD_CHECK_DIGIT', cleaned };
  return { ok: true, id: cleaned, converted: false };
}

export function isValidCitizenId(raw: string): boolean {
  const result = normalizeCitizenId(raw);
  return result.ok && !result.converted && result.id === raw;
}

/** Birth date (`YYYY-MM-DD`) and sex carried inside a valid 18-character ID. */
export function citizenIdFacts(id: string): { birthDate: string; gender: 'MALE' | 'FEMALE'; regionCode: string } {
  return {
    regionCode: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}

/**
 * `110105********123X`: region and last four kept, birth date and sequence hidden. Shorter
 * identifiers (a social-security card number, a case reference) keep only their last four.
 */
export function maskCitizenId(id: string): string {
  if (id.length >= 15) return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
  return `${'*'.repeat(Math.max(id.length - 4, 0))}${id.slice(-4)}`;
}

/**
 * Valid IDs one mistyped character away from an invalid one: the residents a record
 * with a typo could belong to. Used to report, never to merge.
 */
export function citizenIdsOneTypoAway(invalid: string): string[] {
  const cleaned = cleanCitizenId(invalid);
  if (cleaned.length !== 18) return [];
  const candidates: string[] = [];
  for (let position = 0; position < 18; position++) {
    const alphabet = position === 17 ? '0123456789X' : '0123456789';
    for (const c of alphabet) {
      if (c === cleaned[position]) continue;
      const candidate = cleaned.slice(0, position) + c + cleaned.slice(position + 1);
      const result = normalizeCitizenId(candidate);
      if (result.ok && result.id === candidate) candidates.push(candidate);
    }
  }
  return candidates;
}
