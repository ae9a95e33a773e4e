export { createGridAdapter } from './createGridAdapter';
export { MAX_ROSTER_PAGE, RosterArgumentError } from './rosterCursor';
export type * from './types';
