import { access, recordLinkRows, sectionPolicy } from '@resident-graph/subgraph-kit';

/** Front-line staff and officers, each where their reach allows; analysts and auditors see no person. */
const inReach = access('deny', {
  'grid-worker': 'jurisdiction',
  'window-clerk': 'jurisdiction',
  'own-officer': 'jurisdiction',
  'other-officer': 'jurisdiction',
});
/** Flags family planning publishes for front-line use (reached only through the checked section). */
const frontLine = access('deny', { 'grid-worker': 'allow', 'window-clerk': 'allow', 'own-officer': 'allow', 'other-officer': 'allow' });
/** Case details: family planning's own officers only. */
const ownOfficer = access('deny', { 'own-officer': 'allow' });
/** A key as the department stores it: whole for its own officers, masked for the rest of the front line. */
const storedKey = access('deny', { 'grid-worker': 'mask', 'window-clerk': 'mask', 'own-officer': 'allow', 'other-officer': 'mask' });

/**
 * Who may read what of family planning's data. The section is checked against the
 * resident's jurisdiction; what lies inside it is decided by role alone. Anything not
 * listed is denied.
 */
export const familyPlanningPolicy = sectionPolicy('family-planning', {
  Resident: { familyPlanning: inReach },
  FamilyPlanningSection: {
    onRecord: frontLine,
    childBearingAge: frontLine,
    dataQualityIssues: frontLine,
    nameOnRecord: ownOfficer,
    children: ownOfficer,
    birthRegistrations: ownOfficer,
    onlyChildCertificate: ownOfficer,
    rewardSupport: ownOfficer,
  },
  DataQualityIssue: {
    department: frontLine,
    kind: frontLine,
    recordReference: frontLine,
    nameOnRecord: frontLine,
    grade: frontLine,
    reason: frontLine,
    storedId: storedKey,
  },
  // A child's citizen ID is another person's: a detail, behind `children`.
  ChildRecord: { citizenId: ownOfficer, resident: ownOfficer, name: ownOfficer, gender: ownOfficer, birthDate: ownOfficer },
  BirthRegistration: { registrationNumber: ownOfficer, registeredOn: ownOfficer, childOrder: ownOfficer },
  OnlyChildCertificate: { certificateNumber: ownOfficer, issuedOn: ownOfficer },
  RewardSupport: { since: ownOfficer, amountPerYear: ownOfficer },
  // Identity resolution's review queue: family planning's own officers decide for residents in their jurisdiction.
  ...recordLinkRows('familyPlanning', access('deny', { 'own-officer': 'jurisdiction' })),
});
