import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '@resident-graph/service-kit';
import { REPO_ROOT, startStack, type Stack } from '@resident-graph/stack';
import { createTestDatabase, freeStackPorts, readStreet, type TestDatabase } from '@resident-graph/tests';
import type { BenchOptions } from './benchOptions';
import type { BenchReport, DirectMeasurement, SideBySide, WorkloadReport } from './BenchReport';
import { benchChanges } from './changes/benchChanges';
import { directCost, fetchSlots } from './fetchSlots';
import { callsPerOperation, compare, httpRunner, type LoadSettings, type Runner, type Target } from './measure';
import { peakRssBytes } from './processStats';
import { recordSubgraphFetches, type RecordedWorkload } from './recordSubgraphFetches';
import { planReplayRunner } from './replayPlan';
import { fixedHeaders, forwardedContexts, gatewayHeaders } from './requestHeaders';
import { residentWorkload, rosterWorkload } from './sampleWorkloads';
import { startGateways, type GatewayProcess, type Gateways } from './startGateways';
import { benchStatistics } from './statistics/benchStatistics';
import type { Workload } from './workloads';

const SUPERGRAPH_PATH = path.join(REPO_ROOT, 'schemas', 'supergraph.graphql');
const MiB = 1024 * 1024;
/** Operations per workload recorded for the direct and in-memory runs (and cycled by them). */
const RECORDED_OPERATIONS = 50;
/** Side-by-side runs alternate this many times. */
const ROUNDS = 4;

function stackEnv(options: BenchOptions): Record<string, string> {
  // The plain gateway and the replayed plans send contexts signed ahead of time, reused and
  // bound to no body: subgraphs must take them, so binding is off for the run (--env can turn it on).
  const env: Record<string, string> = { RATE_LIMIT_PER_SECOND: String(options.rateLimit), GATEWAY_CONTEXT_BINDING: 'off' };
  for (const pair of options.env) {
    const at = pair.indexOf('=');
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return env;
}

/**
 * A preset's generated data, and the bench's own working folder for it: the embedded database
 * holds one preset's data, apart from `npm start`'s.
 */
export const benchFolders = (preset: string) => ({ dataDir: path.join(REPO_ROOT, '.data', preset), workDir: path.join(REPO_ROOT, '.data', `bench-${preset}`) });

/** `--cpu-prof DIR`: every process writes a V8 CPU profile there when it exits. */
export const profileNodeArgs = (cpuProf: string | undefined): string[] => (cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProf)}`] : []);

async function subgraphUrlsOf(stack: Stack): Promise<Map<string, string>> {
  const response = await fetch(`http://127.0.0.1:${stack.ports.gateway}/health`);
  const health = (await response.json()) as { subgraphs: { name: string; url: string }[] };
  return new Map(health.subgraphs.map(({ name, url }) => [name, url]));
}

type Pair = { gateway: Target; plain: Target };

/**
 * Our gateways get the caller's token; a plain ApolloGateway authenticates no one, so it is
 * handed the signed context our subgraphs demand, one per request.
 */
async function targetsOf(workload: Workload, stack: Stack, gateways: Gateways): Promise<{ subgraphs: Pair; inMemory: Pair }> {
  const token = fixedHeaders(await gatewayHeaders(stack, workload.credentials));
  const ours = (process: GatewayProcess): Target => ({ ...process, headers: async () => token });
  return {
    subgraphs: {
      gateway: ours(gateways.subgraphs.gateway),
      plain: { ...gateways.subgraphs.plain, headers: (requests) => forwardedContexts(stack, workload.credentials, requests) },
    },
    inMemory: { gateway: ours(gateways.inMemory.gateway), plain: { ...gateways.inMemory.plain, headers: async () => fixedHeaders() } },
  };
}

/** Our gateway and the plain one, alternating; `others` run in the same rounds. */
async function sideBySide(pair: Pair, workload: Workload, bodies: Workload['bodies'], settings: LoadSettings, others: Runner[] = []) {
  const runners = [pair.gateway, pair.plain].map((target) => httpRunner(target, bodies, workload.check, settings.connections));
  const [gateway, plain, ...rest] = await compare([...runners, ...others], settings, ROUNDS);
  const sideBySide: SideBySide = { gateway: gateway!, plain: plain!, throughputRatio: gateway!.load.requestsPerSecond / plain!.load.requestsPerSecond };
  return { sideBySide, others: rest };
}

async function benchWorkload(
  workload: Workload,
  recorded: RecordedWorkload,
  stack: Stack,
  gateways: Gateways,
  settings: LoadSettings,
  logger: Logger,
): Promise<WorkloadReport> {
  const targets = await targetsOf(workload, stack, gateways);
  logger.info(`${workload.name}: calls per operation`);
  const callsPerOperationOf = {
    gateway: await callsPerOperation(stack, targets.subgraphs.gateway, workload.bodies),
    plain: await callsPerOperation(stack, targets.subgraphs.plain, workload.bodies),
  };
  const signedContexts = (requests: number) => forwardedContexts(stack, workload.credentials, requests);
  logger.info(`${workload.name}: gateway, plain ApolloGateway and the plan without a gateway, over the subgraphs`);
  const planReplay = planReplayRunner({ plan: recorded.plan, operations: recorded.operations, headers: signedContexts, connections: settings.connections });
  const {
    sideBySide: subgraphs,
    others: [directPlan],
  } = await sideBySide(targets.subgraphs, workload, workload.bodies, settings, [planReplay]);
  logger.info(`${workload.name}: gateway and plain ApolloGateway over in-memory subgraphs`);
  const { sideBySide: inMemory } = await sideBySide(targets.inMemory, workload, workload.bodies.slice(0, RECORDED_OPERATIONS), settings);

  const direct: DirectMeasurement[] = [];
  const slots = fetchSlots(recorded.operations);
  for (const slot of slots) {
    logger.info(`${workload.name}: straight to ${slot.name}`);
    const target: Target = {
      name: `direct ${slot.name}`,
      url: slot.url,
      headers: signedContexts,
      pid: stack.services.get(`${slot.subgraph}-subgraph`)?.child.pid,
    };
    const runner = httpRunner(target, slot.bodies, () => true, settings.connections);
    const [measurement] = await compare([runner], {
      ...settings,
      durationSeconds: settings.durationSeconds / 2,
      warmupSeconds: Math.min(settings.warmupSeconds, 1),
    });
    direct.push({ ...measurement!, subgraph: slot.subgraph, root: slot.root });
  }
  const directCostMs = directCost(
    recorded.plan,
    slots.map((slot, i) => ({ key: slot.key, root: slot.root, p50: direct[i]!.load.latencyMs.p50 })),
  );
  const p50 = (measurement: { load: { latencyMs: { p50: number } } }) => measurement.load.latencyMs.p50;

  return {
    name: workload.name,
    description: workload.description,
    bodies: workload.bodies.length,
    subgraphs,
    inMemory,
    callsPerOperation: callsPerOperationOf,
    direct,
    directPlan: directPlan!,
    directCostMs,
    overheadRatio: { gateway: p50(subgraphs.gateway) / directCostMs.rootPlusSlowestEntity, plain: p50(subgraphs.plain) / directCostMs.rootPlusSlowestEntity },
    overheadVsPlanReplay: { gateway: p50(subgraphs.gateway) / p50(directPlan!), plain: p50(subgraphs.plain) / p50(directPlan!) },
  };
}

/** How many residents the preset's data holds (lines of truth.jsonl, counted without parsing). */
function readTruthCount(dataDir: string): number {
  const text = readFileSync(path.join(dataDir, 'truth.jsonl'), 'utf8');
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/**
 * DATABASE_URL if given; else a fresh database on the machine's PostgreSQL server, dropped
 * afterwards; else (`--embedded`, or no server answers) the embedded PGlite, which runs every
 * department's and the audit trail's queries on one thread and so, not the gateway, sets the
 * pace over the real subgraphs.
 */
export async function chooseDatabase(
  options: { databaseUrl?: string; embedded: boolean },
  logger: Logger,
): Promise<{ databaseUrl?: string; database: string; dropDatabase: () => Promise<void> }> {
  const none = async () => undefined;
  if (options.databaseUrl) return { databaseUrl: options.databaseUrl, database: 'PostgreSQL (DATABASE_URL)', dropDatabase: none };
  if (!options.embedded) {
    let fresh: TestDatabase | undefined;
    try {
      fresh = await createTestDatabase('rg_bench');
    } catch (error) {
      logger.warn({ err: error }, 'no PostgreSQL server answers; falling back to the embedded PGlite');
    }
    if (fresh) return { databaseUrl: fresh.url, database: `PostgreSQL (fresh database ${new URL(fresh.url).pathname.slice(1)})`, dropDatabase: fresh.drop };
  }
  return { database: 'embedded PostgreSQL (PGlite)', dropDatabase: none };
}

/** The gateway workloads: recorded, then run through our gateway, a plain one and straight at the subgraphs. */
async function benchGateways(
  stack: Stack,
  dataDir: string,
  env: Record<string, string>,
  nodeArgs: string[],
  workDir: string,
  settings: LoadSettings,
  reports: WorkloadReport[],
  logger: Logger,
): Promise<Gateways> {
  const subgraphUrls = await subgraphUrlsOf(stack);
  logger.info('preparing workloads and recording their subgraph fetches');
  const workloads = [residentWorkload(dataDir), rosterWorkload(readStreet(dataDir).grids.map((grid) => grid.id))];
  const supergraphSdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
  const recorded = new Map<Workload, RecordedWorkload>();
  for (const workload of workloads) {
    const operations = workload.bodies.slice(0, RECORDED_OPERATIONS);
    recorded.set(
      workload,
      await recordSubgraphFetches(supergraphSdl, subgraphUrls, operations, await forwardedContexts(stack, workload.credentials, operations.length)),
    );
  }
  const gateways = await startGateways({ stack, subgraphUrls, recorded: [...recorded.values()].flatMap((r) => r.operations.flat()), env, nodeArgs, workDir });
  for (const workload of workloads) reports.push(await benchWorkload(workload, recorded.get(workload)!, stack, gateways, settings, logger));
  return gateways;
}

/**
 * Starts the stack on free loopback ports, a plain ApolloGateway over the same subgraphs,
 * and both gateways again over in-memory replicas of the subgraphs; runs every workload
 * against all of them and straight against the subgraphs.
 */
export async function runBench(options: BenchOptions, logger: Logger): Promise<BenchReport> {
  const { dataDir, workDir } = benchFolders(options.preset);
  const ports = await freeStackPorts();
  const env = stackEnv(options);
  const { databaseUrl, database, dropDatabase } = await chooseDatabase(options, logger);
  logger.info(`starting the ${options.preset} stack on ${database}`);
  const stack = await startStack({
    dataDir,
    workDir,
    preset: options.preset,
    databaseUrl,
    env,
    nodeArgs: profileNodeArgs(options.cpuProf),
    logger,
    ports,
  });
  let gateways: Gateways | undefined;
  try {
    // First, while every process is cold: the analysts' question's cold figure is the point.
    const statistics = await benchStatistics(stack, readTruthCount(dataDir), logger);
    const reports: WorkloadReport[] = [];
    const peakRssMiB: Record<string, number> = {};
    const settings: LoadSettings = {
      durationSeconds: options.duration,
      warmupSeconds: options.warmup,
      connections: options.connections,
      maxRequests: options.maxRequests,
    };
    let changes: BenchReport['changes'] = null;
    if (!options.statisticsOnly) {
      gateways = await benchGateways(stack, dataDir, env, profileNodeArgs(options.cpuProf), workDir, settings, reports, logger);
      for (const [name, service] of gateways.processes) peakRssMiB[name] = peakRssBytes(service.pid) / MiB;
      // Last: its deliveries keep labour and civil affairs busy after the reports are in.
      changes = await benchChanges(
        stack,
        dataDir,
        { connections: settings.connections, durationSeconds: settings.durationSeconds, settleTimeoutMs: 120_000 },
        logger,
      );
    }
    for (const [name, service] of stack.services) if (service.child.pid) peakRssMiB[name] = peakRssBytes(service.child.pid) / MiB;

    return {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGiB: os.totalmem() / 1024 ** 3,
        node: process.version,
        loadAverage: os.loadavg(),
      },
      preset: options.preset,
      database,
      settings: { ...settings, rounds: ROUNDS, rateLimitPerSecond: options.rateLimit, stackEnv: env },
      workloads: reports,
      statistics,
      changes,
      peakRssMiB,
    };
  } finally {
    await gateways?.stop();
    await stack.stop();
    await dropDatabase();
  }
}
