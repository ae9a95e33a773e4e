export type { StandInServer } from '@resident-graph/adapter-kit';
export * from './writeStandInData';
export * from './startStandIn';
