/** Sex, GB/T 2261.1. */
export const GENDER_CODES = {
  '0': 'UNKNOWN',
  '1': 'MALE',
  '2': 'FEMALE',
  '9': 'UNSPECIFIED',
} as const;
export type Gender = (typeof GENDER_CODES)[keyof typeof GENDER_CODES];
export const GENDERS = Object.values(GENDER_CODES) as Gender[];
