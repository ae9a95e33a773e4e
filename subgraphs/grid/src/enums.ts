import { registerEnumType } from 'type-graphql';
import type { ResidentCategory } from '@resident-graph/schemas';

const RESIDENT_CATEGORIES: readonly ResidentCategory[] = [
  'PERMANENT',
  'FLOATING',
  'FAMILY_PLANNING_CLIENT',
  'LAID_OFF',
  'MINIMUM_LIVING_ALLOWANCE',
  'DISABLED',
  'ELDERLY',
  'CHILD_UNDER_3',
];

export const ResidentCategoryEnum = Object.fromEntries(RESIDENT_CATEGORIES.map((c) => [c, c])) as { [K in ResidentCategory]: K };

registerEnumType(ResidentCategoryEnum, {
  name: 'ResidentCategory',
  description: 'The grid survey: 常住 permanent, 流动 floating, 计生对象, 下岗职工 laid-off, 低保, 残障 disabled, 老年 60+, 三岁以下 under 3',
});
