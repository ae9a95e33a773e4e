import type { DepartmentLookup } from '@resident-graph/adapter-kit';
import type { FamilyPlanningRecord } from '@resident-graph/adapter-family-planning';
import type { FamilyPlanningSection } from './familyPlanningSection.type';

/** A resident the department holds nothing on still has a section: `onRecord: false`, nothing listed. */
export function toFamilyPlanningSection({ record, issues }: DepartmentLookup<FamilyPlanningRecord>): FamilyPlanningSection {
  return {
    onRecord: record !== null,
    nameOnRecord: record?.nameOnRecord ?? null,
    childBearingAge: record?.childBearingAge ?? false,
    children: (record?.children ?? []).map((child) => ({
      citizenId: child.id,
      resident: child.id === null ? null : { id: child.id },
      name: child.name,
      gender: child.gender,
      birthDate: child.birthDate,
    })),
    birthRegistrations: record?.birthRegistrations ?? [],
    onlyChildCertificate: record?.onlyChildCertificate ?? null,
    rewardSupport: record?.rewardSupport ?? null,
    dataQualityIssues: issues,
  };
}
