export { createGridAdapter } from './createGridAdapter';
export { DEFAULT_SCHEMA } from './schemaName';
export { MAX_ROSTER_PAGE, RosterArgumentError } from './rosterCursor';
export type * from './types';
export type { PlacementScope } from './statisticsQueries';
