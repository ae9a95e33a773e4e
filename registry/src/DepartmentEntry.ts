import type { DepartmentResilience } from '@resident-graph/adapter-kit';
import type { Population } from '@resident-graph/schemas';
import type { SubgraphEntry } from './SubgraphEntry';

/** How the department's system is reached, which decides the kind of adapter and stand-in. */
export type Protocol = 'rest' | 'soap' | 'db' | 'csv';

/**
 * The stand-in of the department's system for the default start and tests: an HTTP server
 * on its own port, a schema in the shared database that a one-shot process prepares, or
 * files the generator writes into the data set (an export the subgraph reads).
 */
export type StandInEntry = { kind: 'server'; port: number; entry: string } | { kind: 'database'; schema: string; entry: string } | { kind: 'files' };

export type StandInWriter = (population: Population, outDir: string) => Promise<void>;

/** One department: a registry line, and everything else in the department's own folders. */
export interface DepartmentEntry {
  /** The department's id: its folders (`adapters/<id>`, `subgraphs/<id>`), its subgraph's name. */
  id: string;
  names: { zh: string; en: string };
  protocol: Protocol;
  standIn: StandInEntry;
  /** Writes the stand-in's data from the generated population (`npm run generate`). */
  loadStandInWriter(): Promise<StandInWriter>;
  subgraph: SubgraphEntry;
  /**
   * How its subgraph guards calls to the system: time-out, retries, breaker, bulkhead
   * (adapter-kit `DEFAULT_RESILIENCE` for what is left out). Checked when the stack starts
   * (`resilienceOf`), passed to the subgraph as `DEPARTMENT_*` environment.
   */
  resilience?: Partial<DepartmentResilience>;
}
