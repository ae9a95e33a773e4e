import type { PublicSecurityRecord } from '@resident-graph/adapter-public-security';
import { ETHNICITY_NAMES, type DataQualityIssue } from '@resident-graph/schemas';
import type { DepartmentSections } from './departmentSections.type';
import { Resident } from './resident.type';

/** A resident public security holds, with the sections a representation carried. */
export function toResident(record: PublicSecurityRecord, issues: DataQualityIssue[], sections: DepartmentSections = {}): Resident {
  return Object.assign(new Resident(), {
    id: record.id,
    name: record.name,
    gender: record.gender,
    birthDate: record.birthDate,
    ethnicity: { code: record.ethnicityCode, name: ETHNICITY_NAMES[record.ethnicityCode]! },
    maritalStatus: record.maritalStatus,
    populationType: record.populationType,
    relationToHead: record.relationToHead,
    registeredAddress: record.registeredAddress,
    residencePermit: record.residencePermit,
    civilAffairs: sections.civilAffairs ?? null,
    familyPlanning: sections.familyPlanning ?? null,
    labour: sections.labour ?? null,
    householdId: record.householdId,
    publicSecurityIssues: issues,
  });
}
