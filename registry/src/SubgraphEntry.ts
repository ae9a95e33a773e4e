import type { FederatedSchema, SubgraphPolicy } from '@resident-graph/subgraph-kit';

/** Where a subgraph finds the system it wraps, as the stack started it. */
export interface Connections {
  /** The department's stand-in, when it is an HTTP server. */
  standInUrl?: string;
  /** The database every part of the stack shares (one schema each). */
  databaseUrl: string;
  /** The department's schema in that database, when its system is a database. */
  databaseSchema?: string;
  /** The generated data set (`npm run generate`'s `--out`). */
  dataDir: string;
  /** Where the stack keeps its own state: logs, keys, the audit trail's checkpoints. */
  workDir: string;
  /** Each department's subgraph (`/graphql`), by department id, as the stack started them. */
  departmentSubgraphUrls: Record<string, string>;
}

/** What composition and the policy documents need of a subgraph: its code, loaded on demand. */
export interface SubgraphModule {
  /** Builds the schema without I/O, so composition can print its SDL. */
  buildSchema(): Promise<FederatedSchema>;
  policy: SubgraphPolicy<never>;
}

export interface SubgraphEntry {
  /** Its name in the supergraph, in `SUBGRAPH_URLS`, in logs and in docs/policy.md. */
  name: string;
  /** The heading of its table in docs/policy.md. */
  title: string;
  /** Its port on `npm start`; tests and the bench take free ones. */
  port: number;
  /** The process that serves it, relative to the repository root. */
  entry: string;
  /**
   * It extends `Resident` with a section (subgraph-kit `defineSectionSubgraph`), and so
   * publishes the data-quality issues of its records, which the stack waits for. @default false
   */
  section?: boolean;
  /** Environment naming the system it wraps (the stack adds PORT, keys and the audit store). */
  env(connections: Connections): NodeJS.ProcessEnv;
  /**
   * Its schema and policy table. Loaded lazily: the stack and the generator run without
   * loading every subgraph's code.
   */
  load(): Promise<SubgraphModule>;
}
