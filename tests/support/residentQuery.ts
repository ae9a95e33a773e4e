const ISSUE = '{ department kind storedId recordReference nameOnRecord }';

/** Identity, household and where the resident lives: public security and the grid. */
export const IDENTITY_FIELDS = `
  id name gender birthDate
  ethnicity { code name } maritalStatus populationType relationToHead registeredAddress
  residencePermit { number issuedOn expiresOn }
  household { id registeredAddress members { relationToHead resident { id } } }
  grid { id name community { id name } } address categories
`;

/** The front-line flags of every section: what grid workers and clerks may read. */
export const FLAG_FIELDS = `
  civilAffairs { onRecord receivesMinimumLivingAllowance extremeHardship disabilityGrade }
  familyPlanning { onRecord childBearingAge }
  labour { onRecord employmentStatus laidOff registeredUnemployed }
`;

/** Each department's whole section: what its own officers may read. */
export const SECTION_FIELDS = {
  civilAffairs: `civilAffairs {
    onRecord receivesMinimumLivingAllowance extremeHardship disabilityGrade
    allowanceCases { caseNumber kind status since amountPerMonth }
    disability { certificateNumber category grade issuedOn }
    elderlyAllowance { since amountPerMonth }
    veteranBenefit { category since }
    marriages { registeredOn kind spouseName spouseId }
    dataQualityIssues ${ISSUE}
  }`,
  familyPlanning: `familyPlanning {
    onRecord nameOnRecord childBearingAge
    children { citizenId name gender birthDate }
    birthRegistrations { registrationNumber registeredOn childOrder }
    onlyChildCertificate { certificateNumber issuedOn }
    rewardSupport { since amountPerYear }
    dataQualityIssues ${ISSUE}
  }`,
  labour: `labour {
    onRecord socialSecurityCardNumber employmentStatus laidOff registeredUnemployed
    unemploymentRegistration { registeredOn certificateNumber }
    insurance { type paidMonths active }
    skillCertificates { name level issuedOn }
    dataQualityIssues ${ISSUE}
  }`,
} as const;

export type SectionName = keyof typeof SECTION_FIELDS;

/**
 * Where each department's part of a resident's record is: its section, or, for public
 * security, which answers `resident(id:)` itself, the whole resident (`null`).
 */
export const DEPARTMENT_SECTIONS: Readonly<Record<string, SectionName | null>> = {
  'public-security': null,
  'civil-affairs': 'civilAffairs',
  'family-planning': 'familyPlanning',
  labour: 'labour',
};

/** A department officer's view of one resident: identity, their own section, and the resident's issue list. */
export const residentQuery = (section: SectionName) =>
  `query Resident($id: CitizenId!) { resident(id: $id) { ${IDENTITY_FIELDS} ${SECTION_FIELDS[section]} dataQualityIssues { department kind storedId } } }`;
