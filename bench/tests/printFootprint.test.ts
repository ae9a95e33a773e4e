import { printFootprint } from '../src/footprint/printFootprint';
import type { FootprintReport } from '../src/footprint/runFootprint';

const MIB = 1024 * 1024;
const process = (name: string, kind: 'own' | 'stand-in' | 'supervisor', rss: number, peak: number, pss: number) => ({
  name,
  kind,
  rssBytes: rss * MIB,
  peakRssBytes: peak * MIB,
  pssBytes: pss * MIB,
});

it('sums each kind of process apart, and says which reads did not come back whole', () => {
  const report: FootprintReport = {
    date: '2026-12-07T00:00:00.000Z',
    machine: { cpus: 2, loadAverage: [1, 2, 3] },
    preset: 'pilot',
    starts: [
      { seconds: 30.04, generated: true },
      { seconds: 12.5, generated: false },
    ],
    reads: { records: 100, answered: 98, seconds: 4, failed: { DEPARTMENT_TIMEOUT: 2 } },
    idleSeconds: 60,
    processes: [
      process('gateway', 'own', 150, 170, 100),
      process('labour subgraph', 'own', 120, 300, 70),
      process('labour stand-in', 'stand-in', 90, 95, 40),
      process('supervisor', 'supervisor', 130, 140, 80),
    ],
  };
  const printed = printFootprint(report);
  expect(printed).toContain('first start (data generated) 30.0 s; start on existing data 12.5 s');
  expect(printed).toContain('98 answered whole (not whole: 2 DEPARTMENT_TIMEOUT)');
  const totals = (title: string) =>
    printed
      .split('\n')
      .find((line) => line.startsWith(title))!
      .trim()
      .split(/\s{2,}/)
      .slice(1);
  expect(totals('own processes')).toEqual(['2', '270', '470', '170']);
  expect(totals("the departments' stand-ins")).toEqual(['1', '90', '95', '40']);
  expect(totals('the supervisor')).toEqual(['1', '130', '140', '80']);
});
