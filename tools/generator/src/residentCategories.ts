import type { ResidentCategory, TruthResident } from '@resident-graph/schemas';

type Facts = Pick<TruthResident, 'publicSecurity' | 'civilAffairs' | 'familyPlanning' | 'labour'>;

/** The grid survey's categories, derived from what the departments hold (order as in `ResidentCategory`). */
export function residentCategories(facts: Facts, age: number): ResidentCategory[] {
  const categories: ResidentCategory[] = [facts.publicSecurity.populationType];
  if (facts.familyPlanning) categories.push('FAMILY_PLANNING_CLIENT');
  if (facts.labour?.laidOff) categories.push('LAID_OFF');
  const allowance = facts.civilAffairs?.allowanceCases.some((c) => c.kind === 'MINIMUM_LIVING_ALLOWANCE' && c.status === 'ACTIVE');
  if (allowance) categories.push('MINIMUM_LIVING_ALLOWANCE');
  if (facts.civilAffairs?.disability) categories.push('DISABLED');
  if (age >= 60) categories.push('ELDERLY');
  if (age < 3) categories.push('CHILD_UNDER_3');
  return categories;
}
