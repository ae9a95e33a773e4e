import { DEPARTMENTS } from './departments';
import { PLATFORM_SUBGRAPHS } from './platformSubgraphs';
import type { SubgraphEntry } from './SubgraphEntry';

export { DEPARTMENTS } from './departments';
export { PLATFORM_SUBGRAPHS } from './platformSubgraphs';
export { resilienceOf, resilienceEnvOf } from './resilienceOf';
export type { DepartmentEntry, Protocol, StandInEntry, StandInWriter } from './DepartmentEntry';
export type { Connections, SubgraphEntry, SubgraphModule } from './SubgraphEntry';

/** Every subgraph the gateway composes: each department's, then the platform's. */
export const SUBGRAPHS: readonly SubgraphEntry[] = [...DEPARTMENTS.map((department) => department.subgraph), ...PLATFORM_SUBGRAPHS];
