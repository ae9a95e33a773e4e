import * as OpenCC from 'opencc-js';

let converter: ((text: string) => string) | undefined;

/**
 * Traditional → simplified as mainland staff write names. OpenCC's `t` table covers the
 * traditional forms used in Taiwan and Hong Kong as well as the classic ones. Its
 * dictionaries take about 12 MB once built, so they are built when a name is first folded,
 * not by every process that merely imports this package.
 */
function toSimplified(text: string): string {
  converter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return converter(text);
}

/** Ideographic and ASCII spaces, and the middle dots of transcribed minority and foreign names. */
const SEPARATORS = /[\s\u3000·•・.]/g;

/**
 * A name reduced to what identifies a person across departments: full-width forms folded
 * (NFKC), separators removed, traditional characters written simplified. Two names that
 * fold equal are the same name keyed in another script or layout.
 */
export function foldName(name: string): string {
  return toSimplified(name.normalize('NFKC').replace(SEPARATORS, ''));
}

/** Just the spacing and width folded: what differs beyond that is a different script. */
function tidyName(name: string): string {
  return name.normalize('NFKC').replace(SEPARATORS, '');
}

export type NameAgreement = 'EXACT' | 'SCRIPT_VARIANT' | 'SURNAME_ONLY' | 'DIFFERENT' | 'MISSING';

/**
 * How the name on a record compares with the registered name. A single-character surname
 * is assumed for `SURNAME_ONLY` — compound surnames (欧阳, 司马) then agree on their first
 * character, which only ever raises a weak agreement, never an exact one.
 */
export function compareNames(onRecord: string | null, registered: string): NameAgreement {
  if (onRecord === null || tidyName(onRecord) === '') return 'MISSING';
  if (tidyName(onRecord) === tidyName(registered)) return 'EXACT';
  const folded = foldName(onRecord);
  const registeredFolded = foldName(registered);
  if (folded === registeredFolded) return 'SCRIPT_VARIANT';
  const [surname] = folded;
  if (surname !== undefined && surname === [...registeredFolded][0]) return 'SURNAME_ONLY';
  return 'DIFFERENT';
}
