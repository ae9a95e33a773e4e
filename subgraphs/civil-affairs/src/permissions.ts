import { access, recordLinkRows, sectionPolicy, type FieldAccess } from '@resident-graph/subgraph-kit';

/** The section itself: front-line staff, for residents they serve; analysts and auditors never. */
const IN_JURISDICTION = access('jurisdiction', { analyst: 'deny', auditor: 'deny' });
/** What the bureau publishes for front-line use, inside a section already checked. */
const FLAG = access('allow', { analyst: 'deny', auditor: 'deny' });
/** The bureau's case details, other people's citizen IDs among them: its own officers only. */
const DETAIL = access('deny', { 'own-officer': 'allow' });
/** The key a doubtful record is stored under: a citizen ID, masked for all but the bureau. */
const STORED_ID = access('mask', { 'own-officer': 'allow', analyst: 'deny', auditor: 'deny' });

const rows = (fieldAccess: FieldAccess, ...fields: string[]): Record<string, FieldAccess> => Object.fromEntries(fields.map((field) => [field, fieldAccess]));

/** Who may read what of the civil affairs bureau's data: a row for every field of its section (anything else is denied). */
export const civilAffairsPolicy = sectionPolicy('civil-affairs', {
  Resident: { civilAffairs: IN_JURISDICTION },
  CivilAffairsSection: {
    ...rows(FLAG, 'onRecord', 'receivesMinimumLivingAllowance', 'extremeHardship', 'disabilityGrade', 'dataQualityIssues'),
    ...rows(DETAIL, 'allowanceCases', 'disability', 'elderlyAllowance', 'veteranBenefit', 'marriages'),
  },
  AllowanceCase: rows(DETAIL, 'caseNumber', 'kind', 'status', 'since', 'amountPerMonth', 'reviews'),
  AllowanceReview: rows(DETAIL, 'reviewNumber', 'reason', 'registeredOn', 'status', 'memberId'),
  DisabilityCertificate: rows(DETAIL, 'certificateNumber', 'category', 'grade', 'issuedOn'),
  ElderlyAllowance: rows(DETAIL, 'since', 'amountPerMonth'),
  VeteranBenefit: rows(DETAIL, 'category', 'since'),
  MarriageRegistration: rows(DETAIL, 'registeredOn', 'kind', 'spouseName', 'spouseId'),
  DataQualityIssue: {
    ...rows(FLAG, 'department', 'kind', 'recordReference', 'nameOnRecord', 'grade', 'reason'),
    storedId: STORED_ID,
  },
  // Identity resolution's review queue: the bureau's own officers decide for residents in their jurisdiction.
  ...recordLinkRows('civilAffairs', access('deny', { 'own-officer': 'jurisdiction' })),
});
