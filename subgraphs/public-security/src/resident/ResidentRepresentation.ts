import type { Jurisdiction } from '@resident-graph/subgraph-kit';
import type { DepartmentSections } from './departmentSections.type';

/** What `@requires` fetched from the other subgraphs into a resident's representation. */
export interface RequiredFields extends DepartmentSections {
  /** From the grid subgraph: what the policy's jurisdiction rules read, so it must stay on the resident. */
  jurisdiction?: Jurisdiction | null;
}

/** A resident as the gateway hands it over: the key and the required fields. */
export type ResidentRepresentation = RequiredFields & { id: string };
