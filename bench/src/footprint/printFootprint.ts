import { formatTable } from '../formatTable';
import type { FootprintReport } from './runFootprint';
import type { ProcessKind } from './stackProcesses';

const MIB = 1024 * 1024;
const mib = (bytes: number) => (bytes / MIB).toFixed(0);

const TOTALS: readonly [ProcessKind, string][] = [
  ['own', 'own processes (gateway, subgraphs, embedded database)'],
  ['stand-in', "the departments' stand-ins"],
  ['supervisor', 'the supervisor (npm start itself)'],
];

const failures = (failed: Record<string, number>) => {
  const counts = Object.entries(failed).map(([reason, count]) => `${count} ${reason}`);
  return counts.length === 0 ? '' : ` (not whole: ${counts.join(', ')})`;
};

export function printFootprint(report: FootprintReport): string {
  const starts = report.starts
    .map((start) => `${start.generated ? 'first start (data generated)' : 'start on existing data'} ${start.seconds.toFixed(1)} s`)
    .join('; ');
  const byKind = (kind: ProcessKind) => report.processes.filter((each) => each.kind === kind);
  const rows = TOTALS.flatMap(([kind]) =>
    byKind(kind)
      .sort((a, b) => b.rssBytes - a.rssBytes)
      .map((each) => [each.name, kind, mib(each.rssBytes), mib(each.peakRssBytes), mib(each.pssBytes)]),
  );
  const totals = TOTALS.map(([kind, title]) => {
    const processes = byKind(kind);
    const total = (figure: (each: (typeof processes)[number]) => number) => mib(processes.reduce((sum, each) => sum + figure(each), 0));
    return [title, `${processes.length}`, total((each) => each.rssBytes), total((each) => each.peakRssBytes), total((each) => each.pssBytes)];
  });
  return [
    `npm start, ${report.preset} (${report.machine.cpus} cores, load average ${report.machine.loadAverage.map((load) => load.toFixed(1)).join(' ')} at the end): ${starts}`,
    `${report.reads.records} full records read in ${report.reads.seconds.toFixed(1)} s, ${report.reads.answered} answered whole${failures(report.reads.failed)}; memory read after ${report.idleSeconds} s idle`,
    '',
    formatTable(['process', 'kind', 'idle RSS MiB', 'peak RSS MiB', 'idle PSS MiB'], rows),
    '',
    formatTable(['total', 'processes', 'idle RSS MiB', 'peak RSS MiB (sum)', 'idle PSS MiB'], totals),
  ].join('\n');
}
