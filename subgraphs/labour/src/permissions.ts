import { access, recordLinkRows, sectionPolicy } from '@resident-graph/subgraph-kit';

/** The four front-line audiences get `front`; analysts and auditors never see a person. */
const frontLine = (front: 'allow' | 'jurisdiction') => access(front, { analyst: 'deny', auditor: 'deny' });
/** The bureau's case details: its own officers only. */
const ownOfficer = access('deny', { 'own-officer': 'allow' });

/**
 * Who may read what of the labour subgraph. The section is checked for jurisdiction on
 * the resident; inside it, the front-line flags are for every front-line audience and the
 * case details for labour officers only. A data-quality issue tells front-line staff that
 * a record is doubtful without giving away the bureau's keys: the stored ID comes back
 * masked, and the record reference — the social security card number, a detail — is
 * withheld.
 */
export const labourPolicy = sectionPolicy('labour', {
  Resident: { labour: frontLine('jurisdiction') },
  LabourSection: {
    onRecord: frontLine('allow'),
    employmentStatus: frontLine('allow'),
    laidOff: frontLine('allow'),
    registeredUnemployed: frontLine('allow'),
    dataQualityIssues: frontLine('allow'),
    socialSecurityCardNumber: ownOfficer,
    unemploymentRegistration: ownOfficer,
    insurance: ownOfficer,
    skillCertificates: ownOfficer,
  },
  UnemploymentRegistration: { registeredOn: ownOfficer, certificateNumber: ownOfficer },
  SocialInsurance: { type: ownOfficer, paidMonths: ownOfficer, active: ownOfficer },
  SkillCertificate: { name: ownOfficer, level: ownOfficer, issuedOn: ownOfficer },
  DataQualityIssue: {
    department: frontLine('allow'),
    kind: frontLine('allow'),
    nameOnRecord: frontLine('allow'),
    grade: frontLine('allow'),
    reason: frontLine('allow'),
    storedId: access('mask', { 'own-officer': 'allow', analyst: 'deny', auditor: 'deny' }),
    // The card number: a detail, but the issue list is front-line, so others see it masked.
    recordReference: access('mask', { 'own-officer': 'allow', analyst: 'deny', auditor: 'deny' }),
  },
  // Identity resolution's review queue: the bureau's own officers decide for residents in their jurisdiction.
  ...recordLinkRows('labour', access('deny', { 'own-officer': 'jurisdiction' })),
});
