import type { ChangesReport } from './changes/benchChanges';
import type { LoadSettings, Measurement } from './measure';
import type { StatisticsReport } from './statistics/benchStatistics';

export interface DirectMeasurement extends Measurement {
  subgraph: string;
  /** The plan's first fetch; the others are entity fetches. */
  root: boolean;
}

/** Our gateway beside a plain ApolloGateway, both over the same subgraphs. */
export interface SideBySide {
  gateway: Measurement;
  plain: Measurement;
  /** Our gateway's requests/s over the plain ApolloGateway's. */
  throughputRatio: number;
}

export interface WorkloadReport {
  name: string;
  description: string;
  /** Distinct request bodies the gateway runs cycle through. */
  bodies: number;
  /** Over the real subgraphs, departments and databases. */
  subgraphs: SideBySide;
  /** Over in-memory replicas of the subgraphs (recorded answers): the gateways' own cost. */
  inMemory: SideBySide;
  /** Calls each departmental system received per operation. */
  callsPerOperation: { gateway: Record<string, number>; plain: Record<string, number> };
  /** Each fetch of the query plan sent straight to its subgraph, one at a time. */
  direct: DirectMeasurement[];
  /** The whole plan run by the client against the subgraphs, no gateway, under the same load. */
  directPlan: Measurement;
  directCostMs: { rootPlusSlowestEntity: number; criticalPath: number };
  /** p50 through a gateway over (direct root p50 + slowest direct entity fetch p50): the yardstick. */
  overheadRatio: { gateway: number; plain: number };
  /** p50 through a gateway over the p50 of the whole plan run without one. */
  overheadVsPlanReplay: { gateway: number; plain: number };
}

export interface BenchReport {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverage: number[] };
  preset: string;
  database: string;
  settings: LoadSettings & { rounds: number; rateLimitPerSecond: number; stackEnv: Record<string, string> };
  workloads: WorkloadReport[];
  /** The analysts' workload (docs/statistics.md). */
  statistics: StatisticsReport;
  /** Changes reported through the gateway and delivered to the departments; null when the run measured statistics alone. */
  changes: ChangesReport | null;
  /** Peak resident set (VmHWM) per process, MiB; a gateway's workers are summed in. */
  peakRssMiB: Record<string, number>;
}
