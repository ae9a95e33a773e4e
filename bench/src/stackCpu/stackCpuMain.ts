import os from 'node:os';
import { createLogger } from '@resident-graph/service-kit';
import { startStack } from '@resident-graph/stack';
import { freeStackPorts, readStreet } from '@resident-graph/tests';
import { benchFolders, chooseDatabase, profileNodeArgs } from '../runBench';
import { residentWorkload, rosterWorkload } from '../sampleWorkloads';
import { writeResult } from '../writeResult';
import { measureStackCpu, type StackCpuRun } from './measureStackCpu';
import { printStackCpu } from './printStackCpu';
import { parseStackCpuOptions } from './stackCpuOptions';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
const logger = createLogger('bench-stack');

/**
 * `npm run bench:stack`: the whole stack under the full-record and roster workloads through
 * its gateway, and the CPU every process of it spends per request — the gateway, each
 * department's subgraph and stand-in, the platform subgraphs, the database (docs/performance.md).
 */
async function main(): Promise<void> {
  const options = parseStackCpuOptions(process.argv.slice(2));
  const { dataDir, workDir } = benchFolders(options.preset);
  const { databaseUrl, database, dropDatabase } = await chooseDatabase(options, logger);
  const stack = await startStack({
    dataDir,
    workDir,
    preset: options.preset,
    databaseUrl,
    // The household-registration stand-in's throttle is the real system's; lifted, or it would be measured.
    env: { RATE_LIMIT_PER_SECOND: '1000000' },
    nodeArgs: [...profileNodeArgs(options.cpuProf), ...options.nodeArgs],
    logger,
    ports: await freeStackPorts(),
  });
  const runs: StackCpuRun[] = [];
  try {
    const serverDatabase = databaseUrl ? new URL(databaseUrl).pathname.slice(1) : null;
    const settings = { durationSeconds: options.duration, warmupSeconds: options.warmup, connections: options.connections };
    for (const workload of [residentWorkload(dataDir), rosterWorkload(readStreet(dataDir).grids.map((grid) => grid.id))]) {
      logger.info(`${workload.name}: ${options.duration} s through the gateway`);
      runs.push(await measureStackCpu(stack, serverDatabase, workload, settings));
    }
  } finally {
    await stack.stop();
    await dropDatabase();
  }
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: os.loadavg() },
    preset: options.preset,
    database,
    settings: { durationSeconds: options.duration, warmupSeconds: options.warmup, connections: options.connections, nodeArgs: options.nodeArgs },
    runs,
  };
  process.stdout.write(`\n${printStackCpu(report)}\n`);
  writeResult(report, 'stack-');
}

main().catch((error: unknown) => {
  logger.error({ err: error }, 'stack run failed');
  process.exitCode = 1;
});
