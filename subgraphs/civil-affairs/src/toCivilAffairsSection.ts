import type { DepartmentLookup } from '@resident-graph/adapter-kit';
import type { AllowanceKind, CivilAffairsRecord } from '@resident-graph/adapter-civil-affairs';
import type { CivilAffairsSection } from './civilAffairsSection.type';

/**
 * A resident the bureau holds nothing on still gets a section (`onRecord: false`), so a
 * missing record is told apart from a bureau that did not answer (`null`). The flags
 * count only cases in force: a suspended or terminated 低保 case is history.
 */
export function toCivilAffairsSection({ record, issues }: DepartmentLookup<CivilAffairsRecord>): CivilAffairsSection {
  const cases = record?.allowanceCases ?? [];
  const inForce = (kind: AllowanceKind) => cases.some((c) => c.kind === kind && c.status === 'ACTIVE');
  return {
    onRecord: record !== null,
    receivesMinimumLivingAllowance: inForce('MINIMUM_LIVING_ALLOWANCE'),
    extremeHardship: inForce('EXTREME_HARDSHIP'),
    disabilityGrade: record?.disability?.grade ?? null,
    allowanceCases: cases,
    disability: record?.disability ?? null,
    elderlyAllowance: record?.elderlyAllowance ?? null,
    veteranBenefit: record?.veteranBenefit ?? null,
    marriages: record?.marriages ?? [],
    dataQualityIssues: issues,
  };
}
