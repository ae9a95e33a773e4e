const ISSUE = '{ department kind storedId recordReference nameOnRecord }';

/** Every field of a resident's record, as a front-line tool asks for it. */
export const RESIDENT_FIELDS = `
  id name gender birthDate
  ethnicity { code name } maritalStatus populationType relationToHead registeredAddress
  residencePermit { number issuedOn expiresOn }
  household { id registeredAddress members { relationToHead resident { id } } }
  grid { id name community { id name } } address categories
  civilAffairs {
    onRecord receivesMinimumLivingAllowance extremeHardship disabilityGrade
    allowanceCases { caseNumber kind status since amountPerMonth }
    disability { certificateNumber category grade issuedOn }
    elderlyAllowance { since amountPerMonth }
    veteranBenefit { category since }
    marriages { registeredOn kind spouseName spouseId }
    dataQualityIssues ${ISSUE}
  }
  familyPlanning {
    onRecord nameOnRecord childBearingAge
    children { citizenId name gender birthDate }
    birthRegistrations { registrationNumber registeredOn childOrder }
    onlyChildCertificate { certificateNumber issuedOn }
    rewardSupport { since amountPerYear }
    dataQualityIssues ${ISSUE}
  }
  labour {
    onRecord socialSecurityCardNumber employmentStatus laidOff registeredUnemployed
    unemploymentRegistration { registeredOn certificateNumber }
    insurance { type paidMonths active }
    skillCertificates { name level issuedOn }
    dataQualityIssues ${ISSUE}
  }
  dataQualityIssues ${ISSUE}
`;

export const RESIDENT_QUERY = `query Resident($id: CitizenId!) { resident(id: $id) { ${RESIDENT_FIELDS} } }`;
