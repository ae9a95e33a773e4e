import type { DepartmentLookup } from '@resident-graph/adapter-kit';
import type { LabourRecord } from '@resident-graph/adapter-labour';
import type { LabourSection } from './labourSection.type';

/**
 * A resident the bureau holds nothing on still gets a section (`onRecord: false`), so a
 * missing record is told apart from a bureau that did not answer (`null`). Registered
 * unemployment shows both in the status and in the registration itself; either sets the
 * front-line flag.
 */
export function toLabourSection({ record, issues }: DepartmentLookup<LabourRecord>): LabourSection {
  if (!record) {
    return {
      onRecord: false,
      socialSecurityCardNumber: null,
      employmentStatus: 'UNKNOWN',
      laidOff: false,
      registeredUnemployed: false,
      unemploymentRegistration: null,
      insurance: [],
      skillCertificates: [],
      dataQualityIssues: issues,
    };
  }
  return {
    onRecord: true,
    socialSecurityCardNumber: record.socialSecurityCardNumber,
    employmentStatus: record.employmentStatus,
    laidOff: record.laidOff,
    registeredUnemployed: record.employmentStatus === 'REGISTERED_UNEMPLOYED' || record.unemploymentRegistration !== null,
    unemploymentRegistration: record.unemploymentRegistration,
    insurance: record.insurance,
    skillCertificates: record.skillCertificates,
    dataQualityIssues: issues,
  };
}
