import { formatTable } from '../formatTable';
import type { StackCpuRun } from './measureStackCpu';

export interface StackCpuReport {
  date: string;
  machine: { cpus: number; cpuModel: string; node: string; loadAverage: number[] };
  preset: string;
  database: string;
  settings: { durationSeconds: number; warmupSeconds: number; connections: number; nodeArgs: string[] };
  runs: StackCpuRun[];
}

/** One column a workload: throughput and latency, then each process's CPU per request, the busiest first, and their sum. */
export function printStackCpu(report: StackCpuReport): string {
  const processes = [...new Set(report.runs.flatMap((run) => Object.keys(run.cpuMsPerRequest)))];
  const busiest = (name: string) => Math.max(...report.runs.map((run) => run.cpuMsPerRequest[name] ?? 0));
  processes.sort((a, b) => busiest(b) - busiest(a));
  const cell = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(2));
  const total = (run: StackCpuRun) => Object.values(run.cpuMsPerRequest).reduce((sum, ms) => sum + ms, 0);
  const rows = [
    ['requests/s', ...report.runs.map((run) => run.load.requestsPerSecond.toFixed(1))],
    ['p50 ms', ...report.runs.map((run) => run.load.latencyMs.p50.toFixed(1))],
    ['errors', ...report.runs.map((run) => String(run.load.errors.total))],
    ...processes.map((name) => [`CPU ms/request · ${name}`, ...report.runs.map((run) => cell(run.cpuMsPerRequest[name]))]),
    ['CPU ms/request · all of them', ...report.runs.map((run) => cell(total(run)))],
  ];
  const heading = `${report.preset}, ${report.database}, ${report.settings.connections} clients, ${report.settings.durationSeconds} s a workload, ${report.machine.cpus} cores (${report.machine.cpuModel}), Node ${report.machine.node}${report.settings.nodeArgs.length > 0 ? `, ${report.settings.nodeArgs.join(' ')}` : ''}`;
  const firstError = report.runs.find((run) => run.load.firstError)?.load.firstError;
  return [
    heading,
    '',
    formatTable(['through the gateway', ...report.runs.map((run) => run.workload)], rows),
    ...(firstError ? ['', `first error: ${firstError}`] : []),
  ].join('\n');
}
