import type { PublicSecurityRecord } from '@resident-graph/adapter-public-security';
import { ETHNICITY_NAMES, type DataQualityIssue } from '@resident-graph/schemas';
import { Resident } from './resident.type';

/** A resident public security holds, with its own data-quality issues on them. */
export function toResident(record: PublicSecurityRecord, issues: DataQualityIssue[]): Resident {
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
    registrationStatus: record.registrationStatus,
    deregisteredOn: record.deregisteredOn,
    householdId: record.householdId,
    publicSecurityIssues: issues,
  });
}
