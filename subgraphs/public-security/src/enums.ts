import type { RegistrationStatus } from '@resident-graph/adapter-public-security';
import { registerEnumType } from 'type-graphql';
import { MARITAL_STATUSES, RELATIONS_TO_HEAD, type MaritalStatus, type PopulationType, type RelationToHead } from '@resident-graph/schemas';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
const POPULATION_TYPES: readonly PopulationType[] = ['PERMANENT', 'FLOATING'];
const REGISTRATION_STATUSES: readonly RegistrationStatus[] = ['REGISTERED', 'DECEASED', 'MOVED_OUT'];

export const MaritalStatusEnum = enumOf<MaritalStatus>(MARITAL_STATUSES);
export const PopulationTypeEnum = enumOf<PopulationType>(POPULATION_TYPES);
export const RelationToHeadEnum = enumOf<RelationToHead>(RELATIONS_TO_HEAD);
export const RegistrationStatusEnum = enumOf<RegistrationStatus>(REGISTRATION_STATUSES);

registerEnumType(MaritalStatusEnum, { name: 'MaritalStatus', description: 'Marital status (婚姻状况, GB/T 2261.2)' });
registerEnumType(PopulationTypeEnum, { name: 'PopulationType', description: 'Household-registered (常住人口) or floating population (流动人口)' });
registerEnumType(RegistrationStatusEnum, {
  name: 'RegistrationStatus',
  description: 'Household registration status (户口状态): registered, or deregistered (注销) by death or by moving out',
});
registerEnumType(RelationToHeadEnum, { name: 'RelationToHead', description: 'Relation to the household head (与户主关系, GB/T 4761)' });
