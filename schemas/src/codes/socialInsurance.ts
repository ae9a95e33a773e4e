/** The five social insurances (五险). */
export const SOCIAL_INSURANCE_TYPES = ['PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'WORK_INJURY', 'MATERNITY'] as const;
export type SocialInsuranceType = (typeof SOCIAL_INSURANCE_TYPES)[number];
export const SOCIAL_INSURANCE_NAMES: Record<SocialInsuranceType, string> = {
  PENSION: '养老',
  MEDICAL: '医疗',
  UNEMPLOYMENT: '失业',
  WORK_INJURY: '工伤',
  MATERNITY: '生育',
};

/** `UNKNOWN`: the labour bureau holds no employment record on the resident. */
export const EMPLOYMENT_STATUSES = ['EMPLOYED', 'REGISTERED_UNEMPLOYED', 'LAID_OFF', 'RETIRED', 'NOT_IN_LABOUR_FORCE', 'UNKNOWN'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];
