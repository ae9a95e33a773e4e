import type { PublicSecurityRecord } from '@resident-graph/adapter-public-security';
import { ETHNICITY_NAMES, type DataQualityIssue } from '@resident-graph/schemas';
import { Resident } from './resident.type';
import type { RequiredFields } from './ResidentRepresentation';

/** A resident public security holds, with what its representation carried for `@requires`. */
export function toResident(record: PublicSecurityRecord, issues: DataQualityIssue[], required: RequiredFields = {}): Resident {
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
    civilAffairs: required.civilAffairs ?? null,
    familyPlanning: required.familyPlanning ?? null,
    labour: required.labour ?? null,
    jurisdiction: required.jurisdiction ?? null,
    householdId: record.householdId,
    publicSecurityIssues: issues,
  });
}
