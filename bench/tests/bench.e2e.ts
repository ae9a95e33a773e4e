import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@resident-graph/stack';
import type { BenchReport } from '../src';

interface Run {
  code: number | null;
  stdout: string;
}

/** `npm run bench` as a user runs it (the script's command), briefly. */
function runBenchCommand(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'bench/src/main.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.resume();
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout }));
  });
}

// A smoke run of the whole harness: not figures (those belong to `npm run bench` on a quiet
// machine), but that every target answers, without errors, and the report says so.
describe('npm run bench', () => {
  let run: Run;
  let report: BenchReport;
  let resultFile: string;

  beforeAll(async () => {
    // A second per target: in 0.3 s a cold target on a busy CI machine sometimes answered nothing yet.
    run = await runBenchCommand(['--duration', '1', '--warmup', '0.1', '--max-requests', '60']);
    const written = run.stdout.match(/written to (\S+\.json)/)?.[1];
    if (!written) throw new Error(`the bench wrote no results (exit ${run.code}):\n${run.stdout.slice(-2_000)}`);
    resultFile = path.resolve(REPO_ROOT, written);
    report = JSON.parse(readFileSync(resultFile, 'utf8')) as BenchReport;
  });
  afterAll(() => {
    if (resultFile) rmSync(resultFile, { force: true });
  });

  it('exits cleanly and prints its tables', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('workload · target');
    expect(run.stdout).toContain('peak RSS MiB');
    expect(run.stdout).toContain('combining step alone at 2600000 keys');
  });

  it("times the analysts' three-department question cold and warm, and each department's key sets", () => {
    const { statistics } = report;
    expect(statistics.residents).toBe(16_817);
    expect(statistics.coldMs).toBeGreaterThan(0);
    expect(statistics.warmMs.runs).toBe(20);
    expect(statistics.warmMs.p50).toBeLessThanOrEqual(statistics.warmMs.p95);
    expect(statistics.departments.map((department) => department.department).sort()).toEqual(['civil-affairs', 'grid', 'labour', 'public-security']);
    // The grid's placement carries every resident: a 64-bit key, a grid and a dwelling each, at least.
    expect(statistics.departments.find((department) => department.department === 'grid')!.bytesPerResident).toBeGreaterThanOrEqual(14);
    expect(statistics.combineAtCityScale.keys).toBe(2_600_000);
  });

  it('puts load on both gateways, over the subgraphs and over the in-memory ones, and every answer is right', () => {
    expect(report.workloads.map((workload) => workload.name)).toEqual(['resident', 'roster']);
    for (const workload of report.workloads) {
      const measured = [
        workload.subgraphs.gateway,
        workload.subgraphs.plain,
        workload.inMemory.gateway,
        workload.inMemory.plain,
        workload.directPlan,
        ...workload.direct,
      ];
      for (const measurement of measured) {
        expect({ target: `${workload.name} · ${measurement.target}`, answered: measurement.load.requests > 0, errors: measurement.load.errors.total }).toEqual({
          target: `${workload.name} · ${measurement.target}`,
          answered: true,
          errors: 0,
        });
      }
    }
  });

  it('counts at most one call per department system for a roster page (the grid two: the grid and its page)', () => {
    const roster = report.workloads.find((workload) => workload.name === 'roster')!;
    const { grid, ...departments } = roster.callsPerOperation.gateway;
    expect(Object.keys(departments).length).toBeGreaterThanOrEqual(5);
    for (const calls of Object.values(departments)) expect(calls).toBeLessThanOrEqual(1);
    expect(grid).toBeLessThanOrEqual(2);
  });

  it('reports changes through the gateway and times them until every delivery is decided', () => {
    const { changes } = report;
    expect(run.stdout).toContain('reports/s accepted');
    expect(changes).toEqual(expect.objectContaining({ failed: 0, undecided: 0, firstError: null }));
    expect(changes!.accepted).toBeGreaterThan(0);
    // An employment change goes to labour and civil affairs.
    expect(changes!.deliveries).toBe(changes!.accepted * 2);
    expect(changes!.reportMs.p50).toBeLessThanOrEqual(changes!.reportMs.p99);
    expect(changes!.deliveredMs.p50).toBeGreaterThan(0);
    expect(changes!.deliveredMs.p50).toBeLessThanOrEqual(changes!.deliveredMs.p99);
  });

  it('reports the peak memory of every gateway and subgraph', () => {
    for (const name of ['gateway', 'plain ApolloGateway', 'gateway (in-memory subgraphs)', 'public-security-subgraph', 'labour-subgraph']) {
      expect(report.peakRssMiB[name]).toBeGreaterThan(50);
    }
  });
});
