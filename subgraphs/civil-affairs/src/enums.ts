import { registerEnumType } from 'type-graphql';
import { DISABILITY_CATEGORIES, type AllowanceStatus, type DisabilityCategory } from '@resident-graph/schemas';
import type { AllowanceKind, AllowanceReviewStatus, MarriageKind } from '@resident-graph/adapter-civil-affairs';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const AllowanceKindEnum = enumOf<AllowanceKind>(['MINIMUM_LIVING_ALLOWANCE', 'EXTREME_HARDSHIP']);
export const AllowanceStatusEnum = enumOf<AllowanceStatus>(['ACTIVE', 'SUSPENDED', 'TERMINATED']);
export const AllowanceReviewStatusEnum = enumOf<AllowanceReviewStatus>(['PENDING', 'REVIEWED']);
export const DisabilityCategoryEnum = enumOf<DisabilityCategory>(DISABILITY_CATEGORIES);
export const MarriageKindEnum = enumOf<MarriageKind>(['MARRIAGE', 'DIVORCE']);

registerEnumType(AllowanceKindEnum, { name: 'AllowanceKind', description: '低保 minimum living allowance or 特困 extreme hardship support' });
registerEnumType(AllowanceStatusEnum, { name: 'AllowanceStatus', description: '在保 active, 暂停 suspended, 停保 terminated' });
registerEnumType(AllowanceReviewStatusEnum, { name: 'AllowanceReviewStatus', description: '待复核 pending or 已复核 reviewed' });
registerEnumType(DisabilityCategoryEnum, { name: 'DisabilityCategory', description: 'Category on the disability certificate (残疾人证)' });
registerEnumType(MarriageKindEnum, { name: 'MarriageKind', description: '结婚 marriage or 离婚 divorce registration' });
