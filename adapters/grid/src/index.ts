export { createGridAdapter } from './createGridAdapter';
export { DEFAULT_SCHEMA } from './schemaName';
export { MAX_ROSTER_PAGE, RosterArgumentError } from './rosterCursor';
export type * from './types';
export type { PlacementScope } from './statisticsQueries';
export { checkNameSearch, MAX_NAME_SEARCH_RESULTS, MIN_NAME_SEARCH_LENGTH, NameSearchError } from './nameSearch';
