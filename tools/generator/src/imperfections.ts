import { citizenIdsOneTypoAway, normalizeCitizenId, type Department, type TruthResident } from '@resident-graph/schemas';
import { toFifteenDigitId } from './CitizenIdIssuer';
import type { Random } from './random';
import { toTraditional } from './traditional';

/** Positions a typo may hit: region and sequence digits and the check character, never the birth date. */
const TYPO_POSITIONS = [0, 1, 2, 3, 4, 5, 14, 15, 16, 17] as const;
const FULL_WIDTH = (text: string) => text.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/**
 * One mistyped digit: the stored ID fails its check and, so that it can never be matched to
 * the wrong person, no other resident's valid ID is one mistyped character away from it.
 * `null` when every possible typo of this ID would be ambiguous.
 */
export function typoOf(random: Random, id: string, residentIds: ReadonlySet<string>): string | null {
  const candidates = TYPO_POSITIONS.flatMap((position) =>
    [...(position === 17 ? '0123456789X' : '0123456789')].filter((c) => c !== id[position]).map((c) => id.slice(0, position) + c + id.slice(position + 1)),
  );
  for (const stored of random.shuffle(candidates)) {
    if (normalizeCitizenId(stored).ok) continue;
    if (citizenIdsOneTypoAway(stored).every((candidate) => candidate === id || !residentIds.has(candidate))) return stored;
  }
  return null;
}

/** The same ID as a careless clerk keys it: full-width digits, a lower-case x, stray spaces. */
function formattingNoiseOf(random: Random, id: string): string {
  const variants = [
    FULL_WIDTH(id),
    `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`,
    ` ${id.slice(0, 10)}\u3000${id.slice(10)} `,
    `${FULL_WIDTH(id.slice(0, 9))}${id.slice(9)}`,
  ];
  if (id.endsWith('X')) variants.push(id.slice(0, 17) + 'x');
  return random.pick(variants);
}

/**
 * Records how each department's copy departs from the truth: 15-digit IDs in about 40 % of
 * civil-affairs records of people born before 1975, typos in ~1 % of civil-affairs,
 * family-planning and labour records, formatting noise in ~2 % of labour records and
 * traditional-character names in ~3 % of family-planning records. A department gets an
 * imperfection only where it holds a record.
 */
export function addImperfections(random: Random, residents: readonly TruthResident[]): void {
  const residentIds = new Set(residents.map((resident) => resident.id));
  const planned = residents.filter((resident) => resident.familyPlanning);
  const variantCount = Math.round(planned.length * 0.03);
  const variants = new Set(random.shuffle(planned.filter((resident) => toTraditional(resident.name) !== resident.name)).slice(0, variantCount));

  for (const resident of residents) {
    const add = (department: Department, kind: 'ID_15_DIGIT' | 'ID_TYPO' | 'ID_FORMATTING', storedId: string | null) => {
      if (storedId !== null) resident.imperfections.push({ department, kind, storedId });
    };
    if (resident.civilAffairs) {
      if (resident.birthDate < '1975-01-01' && random.chance(0.4)) add('civil-affairs', 'ID_15_DIGIT', toFifteenDigitId(resident.id));
      else if (random.chance(0.01)) add('civil-affairs', 'ID_TYPO', typoOf(random, resident.id, residentIds));
    }
    if (resident.familyPlanning) {
      if (random.chance(0.01)) add('family-planning', 'ID_TYPO', typoOf(random, resident.id, residentIds));
      if (variants.has(resident))
        resident.imperfections.push({ department: 'family-planning', kind: 'NAME_VARIANT', storedName: toTraditional(resident.name) });
    }
    if (resident.labour) {
      if (random.chance(0.01)) add('labour', 'ID_TYPO', typoOf(random, resident.id, residentIds));
      else if (random.chance(0.02)) add('labour', 'ID_FORMATTING', formattingNoiseOf(random, resident.id));
    }
  }
}
