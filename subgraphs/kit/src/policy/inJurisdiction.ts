import type { Caller } from '@resident-graph/trust';
import type { Jurisdiction } from './Policy';

/**
 * Whether a place is within the caller's reach. Grid workers reach their grids, window
 * clerks their community; an officer is scoped to grids or a community when the token
 * names them, and to the whole street otherwise. Analysts and auditors reach no person.
 */
export function inJurisdiction(caller: Caller, place: Jurisdiction | null): boolean {
  switch (caller.role) {
    case 'grid-worker':
      return place?.gridId != null && caller.grids.includes(place.gridId);
    case 'window-clerk':
      return place?.communityId != null && caller.community === place.communityId;
    case 'department-officer':
      if (caller.grids.length > 0) return place?.gridId != null && caller.grids.includes(place.gridId);
      if (caller.community !== null) return place?.communityId != null && caller.community === place.communityId;
      return true;
    default:
      return false;
  }
}
