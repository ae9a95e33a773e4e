import type { PlacementScope } from '@resident-graph/adapter-grid';
import type { Caller } from '@resident-graph/trust';

/**
 * Whose residents a caller may search, from their verified token: the same reach
 * `inJurisdiction` grants, as a scope the grid database can apply in its query. Null
 * when the caller reaches no resident (analysts, auditors, a token naming no grids or
 * community where the role needs them).
 */
export function searchScope(caller: Caller): PlacementScope | null {
  const grids = { community: null, grids: caller.grids };
  const community = caller.community === null ? null : { community: caller.community, grids: [] };
  switch (caller.role) {
    case 'grid-worker':
      return caller.grids.length > 0 ? grids : null;
    case 'window-clerk':
      return community;
    case 'department-officer':
      // An officer whose token names neither is the whole street's (inJurisdiction says so too).
      return caller.grids.length > 0 ? grids : (community ?? { community: null, grids: [] });
    default:
      return null;
  }
}
