import { access, householdPlacement, residentPlacement, type PolicedContext, type PolicyTable, type SubgraphPolicy } from '@resident-graph/subgraph-kit';
import type { PublicSecurityContext } from './PublicSecurityContext';

/** Federation plumbing, and values reached only through a field checked above them. */
const ALLOW = access('allow');
/** Identity: front-line staff, for a resident or household in their jurisdiction, with a purpose. */
const IN_JURISDICTION = access('jurisdiction', { analyst: 'deny', auditor: 'deny' });
/**
 * Asking for a resident by citizen ID: with a purpose only, and audited as a read of that
 * ID (`residentIdOf`), since even `resident(id:) { id }` says whether the person exists.
 */
const LOOKUP = access('jurisdiction', { analyst: 'deny', auditor: 'deny' });
/** A key as a department stores it: only public security's own officers need it whole. */
const MASKED_ID = access('mask', { 'own-officer': 'allow' });

/**
 * Who may read what of public security's part of the graph. Identity and the registered
 * household are checked against where the grid database places the resident or the
 * household's dwelling (its jurisdiction index); the types below them are reached only
 * through those checked fields.
 */
export const publicSecurityTable: PolicyTable = {
  Query: { resident: LOOKUP, _entities: ALLOW, _service: ALLOW },
  _Service: { sdl: ALLOW },
  Resident: {
    id: ALLOW,
    name: IN_JURISDICTION,
    gender: IN_JURISDICTION,
    birthDate: IN_JURISDICTION,
    ethnicity: IN_JURISDICTION,
    maritalStatus: IN_JURISDICTION,
    populationType: IN_JURISDICTION,
    relationToHead: IN_JURISDICTION,
    registeredAddress: IN_JURISDICTION,
    residencePermit: IN_JURISDICTION,
    registrationStatus: IN_JURISDICTION,
    deregisteredOn: IN_JURISDICTION,
    household: IN_JURISDICTION,
    dataQualityIssues: IN_JURISDICTION,
  },
  Household: {
    id: ALLOW,
    registeredAddress: IN_JURISDICTION,
    head: IN_JURISDICTION,
    members: IN_JURISDICTION,
  },
  HouseholdMember: { resident: ALLOW, relationToHead: ALLOW },
  Ethnicity: { code: ALLOW, name: ALLOW },
  ResidencePermit: { number: ALLOW, issuedOn: ALLOW, expiresOn: ALLOW },
  DataQualityIssue: { department: ALLOW, kind: ALLOW, storedId: MASKED_ID, recordReference: ALLOW, nameOnRecord: ALLOW, grade: ALLOW, reason: ALLOW },
};

export const publicSecurityPolicy: SubgraphPolicy<PublicSecurityContext & PolicedContext> = {
  department: 'public-security',
  table: publicSecurityTable,
  // A lookup by citizen ID is checked against where the grid database places that ID: for a
  // scoped caller, a resident elsewhere and an ID nobody holds answer alike.
  jurisdictionOf: {
    Query: (_parent, context, args) => context.placements.residents.load(String(args.id)),
    Resident: residentPlacement,
    Household: householdPlacement,
  },
  personalTypes: ['Query', 'Resident', 'Household'],
  residentIdOf: { Query: (_parent, args) => args.id },
};
