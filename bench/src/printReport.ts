import type { BenchReport } from './BenchReport';
import { formatTable } from './formatTable';
import type { Measurement } from './measure';

const fixed = (value: number | null, digits = 1) => (value === null || !Number.isFinite(value) ? '-' : value.toFixed(digits));
const times = (value: number) => `${fixed(value, 2)}×`;

function loadRow(workload: string, measurement: Measurement): string[] {
  const { load } = measurement;
  const { errors } = load;
  return [
    `${workload} · ${measurement.target}`,
    fixed(load.requestsPerSecond, 0),
    fixed(load.latencyMs.p50),
    fixed(load.latencyMs.p95),
    fixed(load.latencyMs.p99),
    String(load.requests),
    errors.total === 0 ? '0' : `${errors.total} (${errors.non2xx}/${errors.graphql}/${errors.wrongAnswers}/${errors.transport})`,
    fixed(measurement.cpuMsPerRequest, 2),
  ];
}

/** The report as the tables `npm run bench` prints. */
export function printReport(report: BenchReport): string {
  const { machine, settings } = report;
  const systems = Object.keys(report.workloads[0]?.callsPerOperation.gateway ?? {});
  const failures = report.workloads.flatMap((w) =>
    [w.subgraphs.gateway, w.subgraphs.plain, w.inMemory.gateway, w.inMemory.plain, ...w.direct, w.directPlan].flatMap((m) =>
      m.load.firstError ? [`${w.name} · ${m.target}: ${m.load.firstError}`] : [],
    ),
  );
  return [
    `Resident Graph benchmark · ${report.date} · ${machine.cpus} cores (${machine.cpuModel}) · Node ${machine.node} · load average ${machine.loadAverage.map((l) => l.toFixed(1)).join(' ')}`,
    `preset ${report.preset} · ${report.database} · ${settings.connections} connections · ${settings.durationSeconds} s per target (${settings.rounds} alternating rounds side by side) after ${settings.warmupSeconds} s warm-up · public-security throttle ${settings.rateLimitPerSecond}/s`,
    '',
    ...printWorkloads(report, systems),
    formatTable(
      ['process', 'peak RSS MiB'],
      Object.entries(report.peakRssMiB).map(([name, mib]) => [name, fixed(mib, 0)]),
    ),
    '',
    ...printStatistics(report),
    ...printChanges(report),
    ...failures.map((f) => `first failure: ${f}`),
  ].join('\n');
}

function printStatistics({ statistics, peakRssMiB }: BenchReport): string[] {
  const { combineAtCityScale: city } = statistics;
  return [
    `statistics · ${statistics.question} over ${statistics.residents} residents: cold ${fixed(statistics.coldMs, 0)} ms, warm p50 ${fixed(statistics.warmMs.p50, 0)} ms, p95 ${fixed(statistics.warmMs.p95, 0)} ms (${statistics.warmMs.runs} runs); statistics subgraph peak RSS ${fixed(peakRssMiB['statistics-subgraph'] ?? null, 0)} MiB`,
    formatTable(
      ['key sets (warm, straight to the department)', 'ms', 'bytes', 'bytes/resident'],
      statistics.departments.map((d) => [d.department, fixed(d.ms, 0), String(d.bytes), fixed(d.bytesPerResident, 2)]),
    ),
    `combining step alone at ${city.keys} keys (three facts, by grid, ${city.cells} cells): ${fixed(city.ms, 0)} ms; keys and placement ${fixed(city.bytesPerResident, 1)} bytes/resident`,
    '',
  ];
}

/** The gateway workloads' tables; none when the run measured statistics alone. */
function printWorkloads(report: BenchReport, systems: string[]): string[] {
  if (report.workloads.length === 0) return [];
  return [
    formatTable(
      ['workload · target', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'requests', 'errors (http/gql/wrong/net)', 'CPU ms/req'],
      report.workloads.flatMap((w) =>
        [w.subgraphs.gateway, w.subgraphs.plain, w.inMemory.gateway, w.inMemory.plain, ...w.direct, w.directPlan].map((m) => loadRow(w.name, m)),
      ),
    ),
    '',
    formatTable(
      [
        'workload',
        'req/s vs plain',
        'in-memory',
        'CPU/req plain ÷ ours, in-memory',
        'root+slowest entity ms',
        'p50 over it: gateway',
        'plain',
        'plan critical path ms',
        'plan replay p50 ms',
        'p50 over it: gateway',
        'plain',
      ],
      report.workloads.map((w) => [
        w.name,
        times(w.subgraphs.throughputRatio),
        times(w.inMemory.throughputRatio),
        times((w.inMemory.plain.cpuMsPerRequest ?? Number.NaN) / (w.inMemory.gateway.cpuMsPerRequest ?? Number.NaN)),
        fixed(w.directCostMs.rootPlusSlowestEntity),
        times(w.overheadRatio.gateway),
        times(w.overheadRatio.plain),
        fixed(w.directCostMs.criticalPath),
        fixed(w.directPlan.load.latencyMs.p50),
        times(w.overheadVsPlanReplay.gateway),
        times(w.overheadVsPlanReplay.plain),
      ]),
    ),
    '',
    formatTable(
      ['calls per operation', ...systems],
      report.workloads.flatMap((w) => [
        [`${w.name} · gateway`, ...systems.map((s) => fixed(w.callsPerOperation.gateway[s] ?? 0, 2))],
        [`${w.name} · plain ApolloGateway`, ...systems.map((s) => fixed(w.callsPerOperation.plain[s] ?? 0, 2))],
      ]),
    ),
    '',
    '',
  ];
}

/** The changes workload's figures; none when the run measured statistics alone. */
function printChanges({ changes }: BenchReport): string[] {
  if (!changes) return [];
  return [
    `changes · EMPLOYMENT_CHANGE through the gateway, ${changes.connections} clients for ${fixed(changes.durationSeconds)} s: ${fixed(changes.reportsPerSecond)} reports/s accepted (${changes.accepted}, ${changes.failed} failed), reportChange p50 ${fixed(changes.reportMs.p50)} ms, p99 ${fixed(changes.reportMs.p99)} ms`,
    `changes · report to every delivery decided (${changes.deliveries} deliveries, ${changes.undecided} undecided): p50 ${fixed(changes.deliveredMs.p50, 0)} ms, p99 ${fixed(changes.deliveredMs.p99, 0)} ms`,
    ...(changes.firstError ? [`changes · first failure: ${changes.firstError}`] : []),
    '',
  ];
}
