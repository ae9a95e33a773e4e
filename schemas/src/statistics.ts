/**
 * The analysts' statistics (contract.md, "Statistics"): the facts each department owns, the
 * dimensions counts are grouped by, and the date arithmetic every department and the
 * statistics service share, so a department's answer and a test's brute-force count agree.
 */
import type { EmploymentStatus, Gender } from './codes';
import type { PopulationType, ResidentCategory } from './truth';

export const POPULATION_TYPES: readonly PopulationType[] = ['PERMANENT', 'FLOATING'];
export const RESIDENT_CATEGORIES: readonly ResidentCategory[] = [
  'PERMANENT',
  'FLOATING',
  'FAMILY_PLANNING_CLIENT',
  'LAID_OFF',
  'MINIMUM_LIVING_ALLOWANCE',
  'DISABLED',
  'ELDERLY',
  'CHILD_UNDER_3',
];

export interface AgeRange {
  atLeast?: number | null;
  below?: number | null;
}

/** One fact, exactly one member, as `ResidentFact` in the contract; its owner in brackets there. */
export interface ResidentFact {
  gender?: Gender | null;
  populationType?: PopulationType | null;
  age?: AgeRange | null;
  employmentStatus?: EmploymentStatus | null;
  receivesMinimumLivingAllowance?: boolean | null;
  disabled?: boolean | null;
  hasChildUnder?: number | null;
  category?: ResidentCategory | null;
}
export type FactName = keyof ResidentFact;

/** The department that evaluates each fact in its own system. */
export const FACT_OWNERS: Readonly<Record<FactName, string>> = {
  gender: 'public-security',
  populationType: 'public-security',
  age: 'public-security',
  employmentStatus: 'labour',
  receivesMinimumLivingAllowance: 'civil-affairs',
  disabled: 'civil-affairs',
  hasChildUnder: 'family-planning',
  category: 'grid',
};

export const STATISTICS_DIMENSIONS = ['COMMUNITY', 'GRID', 'GENDER', 'AGE_BAND', 'POPULATION_TYPE'] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];
/** Dimensions public security partitions its residents by; community and grid come with the grid's placement. */
export type PersonalDimension = Extract<StatisticsDimension, 'GENDER' | 'AGE_BAND' | 'POPULATION_TYPE'>;
export const PERSONAL_DIMENSIONS: readonly PersonalDimension[] = ['GENDER', 'AGE_BAND', 'POPULATION_TYPE'];

/** The street's date (`YYYY-MM-DD`) at `now`: what "today" means for ages, deadlines and dates in the future. */
export const todayInShanghai = (now: Date = new Date()): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);

/** Full years at `asOf` (both `YYYY-MM-DD`): a birthday on `asOf` counts. Born after `asOf`: -1. */
export function fullYearsAt(birthDate: string, asOf: string): number {
  if (birthDate > asOf) return -1;
  const years = Number(asOf.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return asOf.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** `AGE_BAND` values: "0-9" … "80-89", "90+". */
export function ageBandOf(age: number): string {
  if (age >= 90) return '90+';
  const low = Math.floor(age / 10) * 10;
  return `${low}-${low + 9}`;
}
export const AGE_BANDS: readonly string[] = [...Array.from({ length: 9 }, (_, band) => ageBandOf(band * 10)), '90+'];

/** Whether an age is in a range: at least `atLeast` and below `below`, where given. */
export const ageInRange = (age: number, range: AgeRange): boolean =>
  age >= 0 && (range.atLeast == null || age >= range.atLeast) && (range.below == null || age < range.below);

/**
 * A child on record counts for `hasChildUnder: n` when born on or before `asOf` and younger
 * than `n` full years at `asOf`.
 */
export const childUnder = (childBirthDate: string, asOf: string, years: number): boolean => {
  const age = fullYearsAt(childBirthDate, asOf);
  return age >= 0 && age < years;
};

/**
 * `receivesMinimumLivingAllowance` at `asOf`: a 低保 (not 特困) case of the resident's
 * household that is ACTIVE and began on or before `asOf`. The departments keep no end date
 * of a case, so a case ended since counts as never having been active.
 */
export const minimumLivingAllowanceActiveAt = (allowanceCase: { kind: string; status: string; since: string }, asOf: string): boolean =>
  allowanceCase.kind === 'MINIMUM_LIVING_ALLOWANCE' && allowanceCase.status === 'ACTIVE' && allowanceCase.since <= asOf;
