/** Marital status, GB/T 2261.2. */
export const MARITAL_STATUS_CODES = {
  '10': 'UNMARRIED',
  '20': 'MARRIED',
  '21': 'MARRIED',
  '22': 'MARRIED',
  '23': 'MARRIED',
  '30': 'WIDOWED',
  '40': 'DIVORCED',
  '90': 'UNSPECIFIED',
} as const;
export type MaritalStatus = (typeof MARITAL_STATUS_CODES)[keyof typeof MARITAL_STATUS_CODES];
export const MARITAL_STATUSES: MaritalStatus[] = ['UNMARRIED', 'MARRIED', 'WIDOWED', 'DIVORCED', 'UNSPECIFIED'];
