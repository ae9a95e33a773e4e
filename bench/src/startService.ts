import { ChildService, waitFor } from '@resident-graph/stack';

export interface RunningService {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  name: string;
  /** A TypeScript entry relative to the repository root, or a bundle (`ChildService`). */
  entry: string;
  env: NodeJS.ProcessEnv;
  nodeArgs?: string[];
  logDir: string;
  /** Where clients send their requests. */
  url: string;
  /** True once the service answers. */
  ready: () => Promise<boolean>;
  timeoutMs?: number;
}

/** Runs an entry as its own process (its memory and CPU apart from the harness's). */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const service = new ChildService({ name: options.name, entry: options.entry, env: options.env, nodeArgs: options.nodeArgs, logDir: options.logDir });
  try {
    await waitFor(options.name, options.ready, { timeoutMs: options.timeoutMs ?? 60_000, service });
  } catch (error) {
    await service.stop();
    throw error;
  }
  return { url: options.url, pid: service.child.pid!, stop: () => service.stop() };
}

/** A GraphQL server is up once it answers `{ __typename }` with headers it accepts. */
export const answersTypename = (url: string, headers: Record<string, string>) => async () => {
  const response = await fetch(url, { method: 'POST', headers, body: '{"query":"{ __typename }"}', signal: AbortSignal.timeout(1_000) });
  await response.arrayBuffer();
  return response.ok;
};

/** A service with a `/health` route is up once it answers 200 there. */
export const healthy = (url: string) => async () => {
  const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(2_000) });
  await response.arrayBuffer();
  return response.ok;
};
