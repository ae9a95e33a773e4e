import { Client } from 'pg';
import { TEST_DATABASE_URL } from '@resident-graph/test-kit';
import { postgresBackends } from '../src/processStats';
import { printStackCpu, type StackCpuReport } from '../src/stackCpu/printStackCpu';
import { POSTGRESQL, type StackCpuRun } from '../src/stackCpu/measureStackCpu';
import { parseStackCpuOptions } from '../src/stackCpu/stackCpuOptions';

describe('npm run bench:stack', () => {
  it('defaults to 10 s of each workload at 10 clients on pilot, and takes Node flags only as flags', () => {
    expect(parseStackCpuOptions([], {})).toEqual({ preset: 'pilot', duration: 10, warmup: 2, connections: 10, nodeArgs: [], embedded: false });
    const options = parseStackCpuOptions(['--preset', 'district', '--node-arg=--max-semi-space-size=4', '--cpu-prof', '/tmp/p', '--embedded'], {
      DATABASE_URL: 'postgresql://db/x',
    });
    expect(options).toMatchObject({
      preset: 'district',
      nodeArgs: ['--max-semi-space-size=4'],
      cpuProf: '/tmp/p',
      embedded: true,
      databaseUrl: 'postgresql://db/x',
    });
    expect(() => parseStackCpuOptions(['--node-arg=max-semi-space-size=4'])).toThrow('--node-arg: must be a Node flag');
    expect(() => parseStackCpuOptions(['--duration', '0'])).toThrow(/^--duration:/);
  });

  it("finds the PostgreSQL server's backend serving a database by the database's name, and no other database's", async () => {
    const client = new Client(TEST_DATABASE_URL);
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number; datname: string }>('SELECT pg_backend_pid() AS pid, current_database() AS datname');
      const [{ pid, datname }] = rows as [{ pid: number; datname: string }];
      expect(postgresBackends(datname)).toContain(pid);
      expect(postgresBackends(`${datname}_not_this_one`)).not.toContain(pid);
    } finally {
      await client.end();
    }
  });

  it('prints each process per workload, the busiest first, and their sum', () => {
    const run = (workload: string, cpuMsPerRequest: Record<string, number>): StackCpuRun => ({
      workload,
      load: {
        requests: 100,
        durationSeconds: 10,
        requestsPerSecond: 10,
        latencyMs: { p50: 250, p95: 400, p99: 500 },
        errors: { non2xx: 0, graphql: 0, wrongAnswers: 0, transport: 0, total: 0 },
        sampledAnswers: 4,
      },
      cpuMsPerRequest,
    });
    const report: StackCpuReport = {
      date: '2026-12-07T00:00:00.000Z',
      machine: { cpus: 2, cpuModel: 'test', node: 'v24', loadAverage: [0, 0, 0] },
      preset: 'pilot',
      database: 'PostgreSQL',
      settings: { durationSeconds: 10, warmupSeconds: 2, connections: 10, nodeArgs: [] },
      runs: [run('resident', { gateway: 7, [POSTGRESQL]: 9.5 }), run('roster', { gateway: 20, 'grid-subgraph': 30 })],
    };
    const lines = printStackCpu(report).split('\n');
    const row = (title: string) => lines.find((line) => line.startsWith(title))?.split(/\s{2,}/);
    expect(lines.findIndex((line) => line.includes('grid-subgraph'))).toBeLessThan(lines.findIndex((line) => line.includes('· gateway')));
    expect(row(`CPU ms/request · ${POSTGRESQL}`)).toEqual([`CPU ms/request · ${POSTGRESQL}`, '9.50', '-']);
    expect(row('CPU ms/request · all of them')).toEqual(['CPU ms/request · all of them', '16.50', '50.00']);
    expect(row('requests/s')).toEqual(['requests/s', '10.0', '10.0']);
  });
});
