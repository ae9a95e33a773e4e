import { FLAG_FIELDS, IDENTITY_FIELDS, OFFICER, SECTION_FIELDS } from '@resident-graph/tests';
import type { Credentials } from './requestHeaders';

/**
 * A civil-affairs officer's whole view of a resident: identity, household and where they
 * live, the officer's own section in full, the other departments' front-line flags and the
 * resident's data-quality issues. Every subgraph answers part of it.
 */
export const RESIDENT_QUERY = `query Resident($id: CitizenId!) {
  resident(id: $id) { ${IDENTITY_FIELDS} ${SECTION_FIELDS.civilAffairs} ${FLAG_FIELDS} dataQualityIssues { department kind storedId } }
}`;

/** A grid worker's roster page: identity and every section's flags, not the households' members. */
export const ROSTER_QUERY = `query Roster($grid: ID!, $first: Int!, $after: String) {
  grid(id: $grid) {
    id name
    residents(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ${IDENTITY_FIELDS.replace('members { relationToHead resident { id } }', '')} ${FLAG_FIELDS} }
    }
  }
}`;

export const ROSTER_PAGE_SIZE = 100;

export interface GraphQLBody {
  query: string;
  variables: Record<string, unknown>;
}

/** What a correct answer looks like; sampled bodies that fail it count as errors. */
export type AnswerCheck = (data: Record<string, unknown> | null | undefined) => boolean;

export interface Workload {
  name: string;
  description: string;
  credentials: Credentials;
  bodies: GraphQLBody[];
  check: AnswerCheck;
}

export const residentAnswered: AnswerCheck = (data) => typeof (data?.resident as { id?: unknown } | null | undefined)?.id === 'string';

export const rosterAnswered: AnswerCheck = (data) => {
  const nodes = (data?.grid as { residents?: { nodes?: unknown[] } } | null | undefined)?.residents?.nodes;
  return Array.isArray(nodes) && nodes.length > 0;
};

export function residentBody(id: string): GraphQLBody {
  return { query: RESIDENT_QUERY, variables: { id } };
}

/** A grid's first roster page. */
export function rosterBody(grid: string): GraphQLBody {
  return { query: ROSTER_QUERY, variables: { grid, first: ROSTER_PAGE_SIZE, after: null } };
}

/** A street-wide civil-affairs officer reviewing a case. */
export const OFFICER_CREDENTIALS: Credentials = { caller: OFFICER('civil-affairs'), purpose: 'CASE_REVIEW:benchmark' };

/** A grid worker serving every grid of the roster, on a home visit. */
export function gridWorkerCredentials(grids: string[]): Credentials {
  return { caller: { subject: 'bench-grid-worker', role: 'grid-worker', department: null, grids, community: null }, purpose: 'HOME_VISIT:benchmark' };
}
