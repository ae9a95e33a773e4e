import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { Logger } from '@resident-graph/service-kit';
import { ensureKeyPairs } from '@resident-graph/trust';
import { prepareAuditStore } from '@resident-graph/audit';
import { answers, ChildService, runToCompletion, waitFor } from './ChildService';
import { bundleEntry } from './bundleEntry';
import { SUPERGRAPH_FILE } from './repoPaths';
import { DEFAULT_PORTS, type StackPorts } from './stackPorts';

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
  logger?: Logger;
  startupTimeoutMs?: number;
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
const COMPLETE_MARK = '.complete';
const AUDIT_SCHEMA = 'audit';

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

async function databaseAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
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
 * Starts the whole system in dependency order: data, database, stand-ins, subgraphs,
 * gateway. Each step waits until the previous one answers; on any failure everything
 * already started is stopped again.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const preset = options.preset ?? 'pilot';
  const logDir = path.join(options.workDir, 'logs');
  const timeoutMs = options.startupTimeoutMs ?? 120_000;
  const services = new Map<string, ChildService>();
  const log = (message: string) => options.logger?.info(message);

  const keysDir = path.join(options.workDir, 'keys');
  const start = (name: string, entry: string, env: NodeJS.ProcessEnv, nodeArgs?: string[]) => {
    const service = new ChildService({ name, entry, env: { ...options.env, TRUST_KEYS_DIR: keysDir, ...env }, logDir, nodeArgs });
    services.set(name, service);
    return service;
  };
  const stop = async () => {
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
      databaseUrl = `postgresql://postgres@127.0.0.1:${ports.postgres}/postgres`;
      const postgres = start('embedded-postgres', 'tools/stack/src/embeddedPostgresMain.ts', {
        PORT: String(ports.postgres),
        PGLITE_DATA_DIR: path.join(options.workDir, 'pglite'),
      });
      await waitFor('embedded PostgreSQL', () => databaseAnswers(databaseUrl!), { timeoutMs, service: postgres });
    }
    log(`database ${databaseUrl}`);

    const prepare = (name: string, entry: string, schema: string) =>
      runToCompletion({ name, entry, env: { ...options.env, DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema, DATA_DIR: options.dataDir }, logDir });
    await Promise.all([
      prepare('civil-affairs-stand-in', 'adapters/civil-affairs/src/stand-in/main.ts', 'civil_affairs'),
      prepare('grid-stand-in', 'adapters/grid/src/stand-in/main.ts', 'grid'),
      prepareAuditStore({ databaseUrl: options.auditDatabaseUrl ?? databaseUrl, schema: AUDIT_SCHEMA }),
    ]);

    const standIns = [
      start('public-security-stand-in', 'adapters/public-security/src/stand-in/main.ts', { PORT: String(ports.publicSecurityStandIn), DATA_DIR: options.dataDir }),
      start('family-planning-stand-in', 'adapters/family-planning/src/stand-in/main.ts', { PORT: String(ports.familyPlanningStandIn), DATA_DIR: options.dataDir }),
      start('labour-stand-in', 'adapters/labour/src/stand-in/main.ts', { PORT: String(ports.labourStandIn), DATA_DIR: options.dataDir }),
    ];
    const standInPorts = [ports.publicSecurityStandIn, ports.familyPlanningStandIn, ports.labourStandIn];
    await Promise.all(standIns.map((service, i) => waitFor(service.options.name, () => answers(local(standInPorts[i]!, '/health')), { timeoutMs, service })));
    log('stand-ins ready');

    const subgraphEnv = {
      DEPARTMENT_TIMEOUT_MS: options.env?.DEPARTMENT_TIMEOUT_MS ?? '2000',
      AUDIT_DATABASE_URL: options.auditDatabaseUrl ?? databaseUrl,
      AUDIT_DATABASE_SCHEMA: AUDIT_SCHEMA,
    };
    const subgraphs = [
      start('public-security-subgraph', 'subgraphs/public-security/src/main.ts', {
        ...subgraphEnv, PORT: String(ports.publicSecuritySubgraph), PUBLIC_SECURITY_URL: local(ports.publicSecurityStandIn),
      }),
      start('civil-affairs-subgraph', 'subgraphs/civil-affairs/src/main.ts', {
        ...subgraphEnv, PORT: String(ports.civilAffairsSubgraph), CIVIL_AFFAIRS_DATABASE_URL: databaseUrl, CIVIL_AFFAIRS_DATABASE_SCHEMA: 'civil_affairs',
      }),
      start('family-planning-subgraph', 'subgraphs/family-planning/src/main.ts', {
        ...subgraphEnv, PORT: String(ports.familyPlanningSubgraph), FAMILY_PLANNING_URL: local(ports.familyPlanningStandIn),
      }),
      start('labour-subgraph', 'subgraphs/labour/src/main.ts', {
        ...subgraphEnv, PORT: String(ports.labourSubgraph), LABOUR_URL: local(ports.labourStandIn), LABOUR_EXPORT_DIR: path.join(options.dataDir, 'labour', 'export'),
      }),
      start('grid-subgraph', 'subgraphs/grid/src/main.ts', {
        ...subgraphEnv, PORT: String(ports.gridSubgraph), GRID_DATABASE_URL: databaseUrl, GRID_DATABASE_SCHEMA: 'grid',
      }),
      start('audit-subgraph', 'subgraphs/audit/src/main.ts', { ...subgraphEnv, PORT: String(ports.auditSubgraph) }),
    ];
    const subgraphPorts = [ports.publicSecuritySubgraph, ports.civilAffairsSubgraph, ports.familyPlanningSubgraph, ports.labourSubgraph, ports.gridSubgraph, ports.auditSubgraph];
    await Promise.all(subgraphs.map((service, i) => waitFor(service.options.name, () => answers(local(subgraphPorts[i]!, '/health')), { timeoutMs, service })));
    log('subgraphs ready');

    const gatewayBundle = await bundleEntry({ entry: 'gateway/src/main.ts', name: 'gateway', outDir: path.join(options.workDir, 'build') });
    const gateway = start('gateway', gatewayBundle, {
      PORT: String(ports.gateway),
      SUPERGRAPH_PATH: SUPERGRAPH_FILE,
      SUBGRAPH_URLS: JSON.stringify({
        'public-security': local(ports.publicSecuritySubgraph, '/graphql'),
        'civil-affairs': local(ports.civilAffairsSubgraph, '/graphql'),
        'family-planning': local(ports.familyPlanningSubgraph, '/graphql'),
        labour: local(ports.labourSubgraph, '/graphql'),
        grid: local(ports.gridSubgraph, '/graphql'),
        audit: local(ports.auditSubgraph, '/graphql'),
      }),
    }, GATEWAY_NODE_ARGS);
    await waitFor('gateway', () => answers(local(ports.gateway, '/health'), (status) => status === 200), { timeoutMs, service: gateway });

    return { gatewayUrl: local(ports.gateway, '/graphql'), gatewayBundle, keysDir, ports, databaseUrl, services, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
