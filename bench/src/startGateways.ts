import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_DIR, bundleEntry, GATEWAY_NODE_ARGS, SUPERGRAPH_FILE, type Stack } from '@resident-graph/stack';
import { freePorts } from '@resident-graph/test-kit';
import type { RecordedExchange } from './replayKey';
import { answersTypename, healthy, startService, type RunningService } from './startService';

export interface GatewayProcess {
  name: string;
  url: string;
  pid?: number;
}

export interface Gateways {
  subgraphs: { gateway: GatewayProcess; plain: GatewayProcess };
  inMemory: { gateway: GatewayProcess; plain: GatewayProcess };
  /** Processes started here, by the name the report gives them. */
  processes: Map<string, RunningService>;
  stop(): Promise<void>;
}

const local = (port: number, route: string) => `http://127.0.0.1:${port}${route}`;

/**
 * Beside the stack's gateway: a plain ApolloGateway over the same subgraphs, and both
 * gateways again over in-memory replicas of the subgraphs that replay `recorded`.
 */
export async function startGateways(options: {
  stack: Stack;
  subgraphUrls: Map<string, string>;
  recorded: RecordedExchange[];
  /** The stack's extra environment: the second gateway of ours runs with the same settings. */
  env: NodeJS.ProcessEnv;
  /** Node flags for every process started here (`--cpu-prof`). */
  nodeArgs: string[];
  workDir: string;
}): Promise<Gateways> {
  const logDir = path.join(options.workDir, 'logs');
  const recordings = path.join(options.workDir, 'recordings.json');
  writeFileSync(recordings, JSON.stringify(options.recorded));
  const [plainPort, replayPort, gatewayReplayPort, plainReplayPort] = await freePorts(4);
  const processes = new Map<string, RunningService>();
  const stop = async () => {
    for (const service of [...processes.values()].reverse()) await service.stop();
  };
  const start = async (
    name: string,
    entry: string,
    port: number,
    env: NodeJS.ProcessEnv,
    ready: (url: string) => () => Promise<boolean>,
    { route = '/', nodeArgs }: { route?: string; nodeArgs?: string[] } = {},
  ) => {
    const url = local(port, route);
    const logName = name
      .replace(/[^A-Za-z-]+/g, '-')
      .replace(/-+$/, '')
      .toLowerCase();
    processes.set(
      name,
      await startService({
        name: logName,
        entry,
        env: { ...env, PORT: String(port) },
        nodeArgs: [...options.nodeArgs, ...(nodeArgs ?? [])],
        logDir,
        url,
        ready: ready(url),
      }),
    );
  };
  const plainReady = (url: string) => answersTypename(url, { 'content-type': 'application/json' });
  const urlsOf = (urls: Map<string, string>) => JSON.stringify(Object.fromEntries(urls));

  try {
    // Every process here runs compiled, as the stack runs our gateway and as a JavaScript
    // deployment would: without the TypeScript loader's memory and source-map work.
    const outDir = BUILD_DIR;
    const [plainGateway, replaySubgraphs] = await Promise.all([
      bundleEntry({ entry: 'bench/src/plainGatewayMain.ts', name: 'plain-gateway', outDir }),
      bundleEntry({ entry: 'bench/src/replaySubgraphsMain.ts', name: 'replay-subgraphs', outDir }),
    ]);
    const gateway = options.stack.gatewayBundle;
    const plainEnv = { SUPERGRAPH_PATH: SUPERGRAPH_FILE };
    await start('plain ApolloGateway', plainGateway, plainPort!, { ...plainEnv, SUBGRAPH_URLS: urlsOf(options.subgraphUrls) }, plainReady);
    await start('in-memory subgraphs', replaySubgraphs, replayPort!, { RECORDINGS: recordings }, healthy);
    const replayUrls = new Map([...options.subgraphUrls.keys()].map((name) => [name, local(replayPort!, `/${name}/graphql`)]));
    await start(
      'gateway (in-memory subgraphs)',
      gateway,
      gatewayReplayPort!,
      { ...options.env, TRUST_KEYS_DIR: options.stack.keysDir, SUPERGRAPH_PATH: SUPERGRAPH_FILE, SUBGRAPH_URLS: urlsOf(replayUrls) },
      healthy,
      { route: '/graphql', nodeArgs: GATEWAY_NODE_ARGS },
    );
    await start('plain ApolloGateway (in-memory subgraphs)', plainGateway, plainReplayPort!, { ...plainEnv, SUBGRAPH_URLS: urlsOf(replayUrls) }, plainReady);
  } catch (error) {
    await stop();
    throw error;
  }

  const started = (name: string): GatewayProcess => ({ name, url: processes.get(name)!.url, pid: processes.get(name)!.pid });
  return {
    subgraphs: {
      gateway: { name: 'gateway', url: options.stack.gatewayUrl, pid: options.stack.services.get('gateway')?.child.pid },
      plain: started('plain ApolloGateway'),
    },
    inMemory: { gateway: started('gateway (in-memory subgraphs)'), plain: started('plain ApolloGateway (in-memory subgraphs)') },
    processes,
    stop,
  };
}
