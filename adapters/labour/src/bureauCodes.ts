import type { EmploymentStatus, SocialInsuranceType } from '@resident-graph/schemas';

/**
 * The labour bureau's own code tables, as its export and query API carry them. The
 * stand-in writes them and the adapter maps them back onto the canonical enums.
 */

/** 险种代码: the bureau numbers the five insurances by fund. */
export const INSURANCE_TYPE_BY_CODE: Readonly<Record<string, SocialInsuranceType>> = {
  '110': 'PENSION',
  '210': 'UNEMPLOYMENT',
  '310': 'MEDICAL',
  '410': 'WORK_INJURY',
  '510': 'MATERNITY',
};

/** 参保状态: 1 正常缴费 (paying), 2 暂停缴费 (suspended). */
export const PAYMENT_STATUS_ACTIVE = '1';
export const PAYMENT_STATUS_SUSPENDED = '2';

/**
 * 就业状态代码 of the employment-registration system. A card without an employment
 * record answers `null`, which is the canonical `UNKNOWN`.
 */
export const EMPLOYMENT_STATUS_BY_CODE: Readonly<Record<string, Exclude<EmploymentStatus, 'UNKNOWN'>>> = {
  '11': 'EMPLOYED',
  '21': 'REGISTERED_UNEMPLOYED',
  '22': 'LAID_OFF',
  '31': 'RETIRED',
  '41': 'NOT_IN_LABOUR_FORCE',
};

export function codeOf<T extends string>(table: Readonly<Record<string, T>>, value: T): string {
  const entry = Object.entries(table).find(([, canonical]) => canonical === value);
  if (!entry) throw new Error(`no bureau code for ${value}`);
  return entry[0];
}

/** The bureau writes dates as `YYYYMMDD`. */
export const toBureauDate = (isoDate: string): string => isoDate.replaceAll('-', '');
export const fromBureauDate = (bureauDate: string): string => `${bureauDate.slice(0, 4)}-${bureauDate.slice(4, 6)}-${bureauDate.slice(6, 8)}`;
