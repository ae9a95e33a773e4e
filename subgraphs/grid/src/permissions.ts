import { access, type FieldAccess, type Jurisdiction, type PolicyTable, type SubgraphPolicy } from '@resident-graph/subgraph-kit';
import type { PolicedGridContext } from './GridContext';
import { residentJurisdiction } from './resident/residentJurisdiction';

/** Federation's entry points, jurisdiction itself (how others decide; hidden from clients), and values reached only through a checked field. */
const ALLOW = access('allow');
/** The street's layout: anyone but the auditor, who sees the access log only. */
const LAYOUT = access('allow', { auditor: 'deny' });
/** Front-line staff; analysts see aggregates only, auditors the access log only. */
const FRONT_LINE = access('allow', { analyst: 'deny', auditor: 'deny' });
/**
 * Where a person lives: front-line staff, inside their jurisdiction, with a purpose. On a
 * root field (the search by name), which names no one to check, the purpose: its query
 * keeps to the caller's reach, and each resident it lists is checked again field by field.
 */
const IN_JURISDICTION = access('jurisdiction', { analyst: 'deny', auditor: 'deny' });
/** A citizen ID as the grid survey stored it: masked for all but the department's own officers. */
const MASKED_ID = access('mask', { 'own-officer': 'allow' });

const rows = (fieldAccess: FieldAccess, ...fields: string[]): Record<string, FieldAccess> => Object.fromEntries(fields.map((field) => [field, fieldAccess]));

/**
 * Who may read what of the grid's part of the graph: a row for every field this subgraph
 * serves (anything else is denied). Jurisdiction is the grid database's own fact: a
 * resident's from the request's lookup (never from the representation), a grid's from
 * the grid itself.
 */
export const gridTable: PolicyTable = {
  Query: { grid: LAYOUT, community: LAYOUT, residentsByName: IN_JURISDICTION, _entities: ALLOW, _service: ALLOW },
  _Service: rows(ALLOW, 'sdl'),
  Grid: {
    ...rows(LAYOUT, 'id', 'name', 'areaSquareMetres', 'community'),
    residents: IN_JURISDICTION,
    gridWorkers: FRONT_LINE,
  },
  GridWorker: rows(ALLOW, 'id', 'name'),
  Community: rows(LAYOUT, 'id', 'name', 'grids'),
  ResidentConnection: rows(ALLOW, 'nodes', 'totalCount', 'pageInfo'),
  ResidentMatches: rows(ALLOW, 'nodes', 'hasMore'),
  PageInfo: rows(ALLOW, 'hasNextPage', 'endCursor'),
  Resident: {
    ...rows(ALLOW, 'id', 'jurisdiction'),
    ...rows(IN_JURISDICTION, 'grid', 'address', 'categories', 'gridDataQualityIssues'),
  },
  Household: rows(ALLOW, 'id', 'jurisdiction'),
  Jurisdiction: rows(ALLOW, 'gridId', 'communityId'),
  DataQualityIssue: {
    ...rows(ALLOW, 'department', 'kind', 'recordReference', 'nameOnRecord', 'grade', 'reason'),
    storedId: MASKED_ID,
  },
};

export const gridPolicy: SubgraphPolicy<PolicedGridContext> = {
  department: 'grid',
  table: gridTable,
  jurisdictionOf: {
    Resident: (resident, context) => residentJurisdiction(context, String(resident.id)),
    Grid: (grid): Jurisdiction => ({ gridId: grid.id as string, communityId: grid.communityId as string }),
  },
  // A grid's roster lists residents' citizen IDs: audited like a resident's own fields.
  personalTypes: ['Resident', 'Grid'],
};
