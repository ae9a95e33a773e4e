import { createResidentEntity } from '@resident-graph/subgraph-kit';

/** The resident as this subgraph knows it: its own, because a child on a record links to one. */
export const Resident = createResidentEntity();
