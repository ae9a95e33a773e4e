import type { ResidentCategory, TruthStreet } from '@resident-graph/schemas';

export type CompoundKind = TruthStreet['buildings'][number]['compoundKind'];

/** The grid survey's own labels for resident categories (网格普查). */
export const CATEGORY_LABELS: Readonly<Record<ResidentCategory, string>> = {
  PERMANENT: '常住',
  FLOATING: '流动',
  FAMILY_PLANNING_CLIENT: '计生对象',
  LAID_OFF: '下岗职工',
  MINIMUM_LIVING_ALLOWANCE: '低保',
  DISABLED: '残障',
  ELDERLY: '老年',
  CHILD_UNDER_3: '三岁以下',
};

/** Compound kinds (楼院) as the grid database records them. */
export const COMPOUND_KIND_LABELS: Readonly<Record<CompoundKind, string>> = {
  SELF_MANAGED: '自管',
  PROPERTY_MANAGED: '物管',
  EMPLOYER: '单位',
  COURTYARD: '庭院',
};

function reverse<K extends string>(labels: Readonly<Record<K, string>>): ReadonlyMap<string, K> {
  return new Map(Object.entries(labels).map(([canonical, label]) => [label as string, canonical as K]));
}

export const CATEGORY_BY_LABEL = reverse(CATEGORY_LABELS);
export const COMPOUND_KIND_BY_LABEL = reverse(COMPOUND_KIND_LABELS);
