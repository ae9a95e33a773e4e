import { registerEnumType } from 'type-graphql';
import { EMPLOYMENT_STATUSES, SOCIAL_INSURANCE_TYPES, type EmploymentStatus, type SocialInsuranceType } from '@resident-graph/schemas';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const EmploymentStatusEnum = enumOf<EmploymentStatus>(EMPLOYMENT_STATUSES);
export const SocialInsuranceTypeEnum = enumOf<SocialInsuranceType>(SOCIAL_INSURANCE_TYPES);

registerEnumType(EmploymentStatusEnum, {
  name: 'EmploymentStatus',
  description: 'Employment status as the labour bureau registers it; UNKNOWN when it holds no record',
});
registerEnumType(SocialInsuranceTypeEnum, { name: 'SocialInsuranceType', description: 'The five social insurances (五险)' });
