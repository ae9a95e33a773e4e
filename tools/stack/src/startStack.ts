import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '@resident-graph/service-kit';
import { ensureKeyPairs } from '@resident-graph/trust';
import { asAuditWriter, prepareAuditStore } from '@resident-graph/audit';
import { prepareLinkStore } from '@resident-graph/identity';
import { linkDepartmentRecords } from './linkDepartmentRecords';
import { DEPARTMENTS, SUBGRAPHS, resilienceEnvOf, type Connections, type DepartmentEntry } from '@resident-graph/registry';
import { prepareDataQualityIndex } from '@resident-graph/subgraph-kit';
import { answers, ChildService, runToCompletion, waitFor } from './ChildService';
import { stop as stopCompiler } from 'esbuild';
import { bundleEntry } from './bundleEntry';
import { buildConsoleIfStale, CONSOLE_DIST_DIR } from './buildConsole';
import { embeddedPostgresUrl } from './embeddedPostgresUrl';
import { BUILD_DIR, SUPERGRAPH_FILE } from './repoPaths';
import { DEFAULT_PORTS, type StackPorts } from './stackPorts';
import { databaseNow, waitForDataQuality } from './waitForDataQuality';

export type Preset = 'pilot' | 'district';

export interface StackOptions {
  /** Where the generated data lives (made if missing). */
  dataDir: string;
  /** Logs and the embedded database's files. */
  workDir: string;
  preset?: Preset;
  /** A real PostgreSQL; without it the stack runs an embedded one. */
  databaseUrl?: string;
  /** Where subgraphs write the audit trail. @default the stack's database */
  auditDatabaseUrl?: string;
  ports?: Partial<StackPorts>;
  /** Extra environment for every process (limits, time-outs …). */
  env?: NodeJS.ProcessEnv;
  /** Extra Node flags for every process, after the stack's own (`--cpu-prof`, which Node refuses in NODE_OPTIONS; a heap size to compare). */
  nodeArgs?: string[];
  logger?: Logger;
  startupTimeoutMs?: number;
  /**
   * Run identity resolution's batch over the departments' data before the subgraphs start:
   * certain links made, the rest queued for review (tools/identity) — and again, while the
   * stack runs, for a department whose export changes. The link table is there either way;
   * without a run it stays as it was. @default false
   */
  linkRecords?: boolean;
}

export interface Stack {
  gatewayUrl: string;
  /** The compiled gateway the stack runs (`bundleEntry`), for running more like it. */
  gatewayBundle: string;
  /** The dev issuer's and the gateway's keys (`npm run token` signs with the issuer's). */
  keysDir: string;
  ports: StackPorts;
  databaseUrl: string;
  services: Map<string, ChildService>;
  stop(): Promise<void>;
}

const local = (port: number, route = '') => `http://127.0.0.1:${port}${route}`;

/** The grid database's schema: its jurisdiction index is where every subgraph learns where residents are. */
function jurisdictionSchema(): string {
  const grid = DEPARTMENTS.find((department) => department.id === 'grid');
  if (grid?.standIn.kind !== 'database') throw new Error('the registry has no grid database to take jurisdiction from');
  return grid.standIn.schema;
}
const COMPLETE_MARK = '.complete';
const AUDIT_SCHEMA = 'audit';
const DATA_QUALITY_SCHEMA = 'data_quality';

/** The departments that extend `Resident` with a section, each of which publishes its data-quality issues. */
const SECTION_DEPARTMENTS = DEPARTMENTS.filter((department) => department.subgraph.section).map((department) => department.id);

const IDENTITY_SCHEMA = 'identity';
/** Identity resolution's batch (`npm run identity:link`), run by the stack at start and when an export changes. */
const IDENTITY_LINK_ENTRY = 'tools/identity/src/batch/linkMain.ts';

/**
 * Generates into a private folder and renames it into place, so a half-written data set
 * is never used and two stacks starting at once cannot write into each other's files.
 */
async function generateData(dataDir: string, preset: Preset, logDir: string, env: NodeJS.ProcessEnv | undefined): Promise<void> {
  const staging = `${dataDir}.staging-${process.pid}-${Date.now()}`;
  try {
    await runToCompletion({ name: 'generator', entry: 'tools/generator/src/main.ts', args: ['--preset', preset, '--out', staging], env: { ...env }, logDir });
    writeFileSync(path.join(staging, COMPLETE_MARK), `${new Date().toISOString()}\n`);
    mkdirSync(path.dirname(dataDir), { recursive: true });
    const complete = () => existsSync(path.join(dataDir, COMPLETE_MARK));
    if (complete()) return;
    rmSync(dataDir, { recursive: true, force: true });
    renameSync(staging, dataDir);
  } catch (error) {
    if (!existsSync(path.join(dataDir, COMPLETE_MARK))) throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The database answers a query (its clock, as good as any). */
async function databaseAnswers(url: string): Promise<boolean> {
  await databaseNow(url);
  return true;
}

/**
 * The gateway's young generation capped at 16 MB a semi-space: V8 sizes it for the machine
 * (32 MB a semi-space here), and under load that held ~100 MB of a gateway whose live data
 * is ~70 MB. At 16 MB the benchmark's gateway peaked at about 200–225 MiB at no CPU cost;
 * at 8 MB lower still, but a roster page's answers outlived it (a tenth more CPU;
 * docs/performance.md).
 */
export const GATEWAY_NODE_ARGS = ['--max-semi-space-size=16'];

/**
 * Each subgraph's young generation capped at 16 MB a semi-space, as the gateway's. Smaller
 * caps were tried for idle memory: at 2 MB the collector took 30 % of a busy subgraph's
 * CPU, copying requests in flight out of too small a space, and at 8 MB a roster page's
 * hundred records still outlived it in public security. Against 8 MB, 16 cut the stack's
 * CPU per roster page by 15–20 % and per full record by 4–10 % in three pairs of
 * `bench:stack` runs; the idle stack held about 75 MiB more a minute after load and the
 * same four minutes after, when V8 has shrunk the young generations (docs/performance.md).
 */
export const SUBGRAPH_NODE_ARGS = ['--max-semi-space-size=16'];

/**
 * Every process's C allocator (glibc) with two arenas: by default it keeps one per thread
 * that ever allocated (8 × cores), and V8's and libuv's worker threads each leave theirs
 * holding freed memory. Two cut the idle `pilot` stack's own processes by about 60 MiB, the
 * embedded database most (docs/performance.md).
 */
const PROCESS_ENV = { MALLOC_ARENA_MAX: '2' };

/**
 * The embedded database's PostgreSQL, compiled to WebAssembly, compiled by V8 once, with its
 * optimising compiler only: by default V8 keeps a quick baseline copy of every function and
 * an optimised one of the hot ones beside it, which cost the idle database about 250 MB more
 * (docs/performance.md). Its start takes about 3 s longer.
 */
const EMBEDDED_POSTGRES_NODE_ARGS = ['--no-liftoff'];

/**
 * Every process of the stack runs compiled JavaScript (`bundleEntry`), not TypeScript under a
 * loader: the loader and the compiler it brings cost each process about 90 MB and its start
 * a second or more of compiling. Compiled all at once, before anything starts.
 *
 * @returns the bundle of an entry (an entry not compiled here is a mistake in the stack).
 */
async function compileEntries(entries: string[], outDir: string): Promise<(entry: string) => string> {
  const nameOf = (entry: string) => entry.replace(/\.ts$/, '').replaceAll('/', '-');
  const bundles = new Map(
    await Promise.all([...new Set(entries)].map(async (entry) => [entry, await bundleEntry({ entry, name: nameOf(entry), outDir })] as const)),
  );
  // esbuild's compiler service (about 90 MB) would otherwise stay for the stack's lifetime; a restart starts it again.
  await stopCompiler();
  return (entry) => {
    const bundle = bundles.get(entry);
    if (!bundle) throw new Error(`${entry} was not compiled with the stack's other entries`);
    return bundle;
  };
}

/**
 * Starts the whole system in dependency order, every department as the registry lists
 * it: data, database, stand-ins, subgraphs, gateway. Each step waits until the previous one answers; on any failure everything
 * already started is stopped again.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const preset = options.preset ?? 'pilot';
  const logDir = path.join(options.workDir, 'logs');
  const timeoutMs = options.startupTimeoutMs ?? 120_000;
  const services = new Map<string, ChildService>();
  const log = (message: string) => options.logger?.info(message);
  // Every department's resilience settings checked before anything starts; the caller's
  // environment (a test's short time limit) wins over the registry's values.
  const resilienceEnv = new Map(
    DEPARTMENTS.map((department) => {
      const env = resilienceEnvOf(department);
      return [department.subgraph.name, Object.fromEntries(Object.entries(env).map(([name, value]) => [name, options.env?.[name] ?? value]))];
    }),
  );

  const keysDir = path.join(options.workDir, 'keys');
  const compiled = await compileEntries(
    [
      'tools/stack/src/embeddedPostgresMain.ts',
      'gateway/src/main.ts',
      ...DEPARTMENTS.flatMap(({ standIn }) => (standIn.kind === 'files' ? [] : [standIn.entry])),
      ...SUBGRAPHS.map(({ entry }) => entry),
      IDENTITY_LINK_ENTRY,
    ],
    BUILD_DIR,
  );
  const start = (name: string, entry: string, env: NodeJS.ProcessEnv, nodeArgs?: string[]) => {
    const service = new ChildService({
      name,
      entry: compiled(entry),
      compiledFrom: entry,
      // Prepared statements on a PostgreSQL server, and on the embedded PGlite, whose one session shares them (shareNamedStatements).
      env: { ...PROCESS_ENV, ...options.env, PG_PREPARED_STATEMENTS: 'on', TRUST_KEYS_DIR: keysDir, ...env },
      logDir,
      nodeArgs: [...(nodeArgs ?? []), ...(options.nodeArgs ?? [])],
    });
    services.set(name, service);
    return service;
  };
  let linking: { stop(): Promise<void> } | undefined;
  const stop = async () => {
    await linking?.stop();
    const order = [...services.values()].reverse();
    for (const service of order) await service.stop();
  };

  try {
    await ensureKeyPairs(keysDir);
    if (!existsSync(path.join(options.dataDir, COMPLETE_MARK))) {
      log(`generating ${preset} data into ${options.dataDir}`);
      await generateData(options.dataDir, preset, logDir, options.env);
    }

    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      // A Unix socket in a folder only this OS user may enter: PGlite itself checks no password.
      const socketDir = path.join(options.workDir, 'pglite-socket');
      databaseUrl = embeddedPostgresUrl(socketDir, ports.postgres);
      const postgres = start(
        'embedded-postgres',
        'tools/stack/src/embeddedPostgresMain.ts',
        {
          PORT: String(ports.postgres),
          PGLITE_DATA_DIR: path.join(options.workDir, 'pglite'),
          PGLITE_SOCKET_DIR: socketDir,
        },
        EMBEDDED_POSTGRES_NODE_ARGS,
      );
      await waitFor('embedded PostgreSQL', () => databaseAnswers(databaseUrl!), { timeoutMs, service: postgres });
    }
    log(`database ${databaseUrl}`);

    const departmentSubgraphUrls = Object.fromEntries(DEPARTMENTS.map(({ id, subgraph }) => [id, local(ports.subgraphs[subgraph.name]!, '/graphql')]));
    const connectionsOf = (department: DepartmentEntry | undefined): Connections => ({
      standInUrl: department?.standIn.kind === 'server' ? local(ports.standIns[department.id]!) : undefined,
      databaseUrl: databaseUrl!,
      databaseSchema: department?.standIn.kind === 'database' ? department.standIn.schema : undefined,
      dataDir: options.dataDir,
      workDir: options.workDir,
      departmentSubgraphUrls,
    });
    await Promise.all([
      ...DEPARTMENTS.flatMap(({ id, standIn }) =>
        standIn.kind === 'database'
          ? [
              runToCompletion({
                name: `${id}-stand-in`,
                entry: compiled(standIn.entry),
                env: { ...options.env, DATABASE_URL: databaseUrl, DATABASE_SCHEMA: standIn.schema, DATA_DIR: options.dataDir },
                logDir,
              }),
            ]
          : [],
      ),
      prepareAuditStore({ databaseUrl: options.auditDatabaseUrl ?? databaseUrl, schema: AUDIT_SCHEMA }),
      prepareDataQualityIndex({ databaseUrl, schema: DATA_QUALITY_SCHEMA }),
      prepareLinkStore({ databaseUrl, schema: IDENTITY_SCHEMA }),
    ]);
    const linkBatch = (department: string) =>
      runToCompletion({
        name: 'identity-link',
        entry: compiled(IDENTITY_LINK_ENTRY),
        env: {
          ...options.env,
          IDENTITY_DATABASE_URL: databaseUrl,
          IDENTITY_DATABASE_SCHEMA: IDENTITY_SCHEMA,
          DATA_DIR: options.dataDir,
          DEPARTMENT: department,
        },
        logDir,
      });

    const [linked] = await Promise.all([
      options.linkRecords ? linkDepartmentRecords({ dataDir: options.dataDir, runBatch: linkBatch, logger: options.logger }) : undefined,
      ...DEPARTMENTS.flatMap(({ id, standIn }) => {
        if (standIn.kind !== 'server') return [];
        const port = ports.standIns[id]!;
        // STATE_DIR: what a stand-in records (the register's changes, family planning's events, labour's business) lives with the run, like its database.
        const service = start(`${id}-stand-in`, standIn.entry, { PORT: String(port), DATA_DIR: options.dataDir, STATE_DIR: path.join(options.workDir, id) });
        return [waitFor(service.options.name, () => answers(local(port, '/health')), { timeoutMs, service })];
      }),
    ]);
    linking = linked;
    log('stand-ins ready');

    // On a PostgreSQL server the services write the trail as the role that may only append and
    // read it (audit migration 0002); the embedded PGlite has one user, and its triggers refuse changes.
    const auditUrl = options.auditDatabaseUrl ?? databaseUrl;
    const subgraphEnv = {
      AUDIT_DATABASE_URL: options.databaseUrl ? asAuditWriter(auditUrl) : auditUrl,
      AUDIT_DATABASE_SCHEMA: AUDIT_SCHEMA,
      JURISDICTION_DATABASE_URL: databaseUrl,
      JURISDICTION_DATABASE_SCHEMA: jurisdictionSchema(),
      DATA_QUALITY_DATABASE_URL: databaseUrl,
      DATA_QUALITY_DATABASE_SCHEMA: DATA_QUALITY_SCHEMA,
      IDENTITY_DATABASE_URL: databaseUrl,
      IDENTITY_DATABASE_SCHEMA: IDENTITY_SCHEMA,
    };
    const departmentOf = new Map(DEPARTMENTS.map((department) => [department.subgraph.name, department]));
    const subgraphsStarted = await databaseNow(databaseUrl);
    await Promise.all(
      SUBGRAPHS.map((subgraph) => {
        const department = departmentOf.get(subgraph.name);
        const port = ports.subgraphs[subgraph.name]!;
        const connections = connectionsOf(department);
        const service = start(
          `${subgraph.name}-subgraph`,
          subgraph.entry,
          {
            ...subgraphEnv,
            ...resilienceEnv.get(subgraph.name),
            ...subgraph.env(connections),
            PORT: String(port),
          },
          SUBGRAPH_NODE_ARGS,
        );
        return waitFor(service.options.name, () => answers(local(port, '/health')), { timeoutMs, service });
      }),
    );
    // Before that, `Resident.dataQualityIssues` would leave a department's out or show last run's.
    await waitForDataQuality({ databaseUrl, schema: DATA_QUALITY_SCHEMA, departments: SECTION_DEPARTMENTS, since: subgraphsStarted, timeoutMs });
    log('subgraphs ready');

    const gatewayBundle = compiled('gateway/src/main.ts');
    if (await buildConsoleIfStale(logDir)) log('console built');
    const gateway = start(
      'gateway',
      'gateway/src/main.ts',
      {
        PORT: String(ports.gateway),
        SUPERGRAPH_PATH: SUPERGRAPH_FILE,
        CONSOLE_DIR: CONSOLE_DIST_DIR,
        SUBGRAPH_URLS: JSON.stringify(Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, local(ports.subgraphs[name]!, '/graphql')]))),
      },
      GATEWAY_NODE_ARGS,
    );
    await waitFor('gateway', () => answers(local(ports.gateway, '/health'), (status) => status === 200), { timeoutMs, service: gateway });

    return { gatewayUrl: local(ports.gateway, '/graphql'), gatewayBundle, keysDir, ports, databaseUrl, services, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
