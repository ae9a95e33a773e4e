import path from 'node:path';
import { ChildService, answers, waitFor } from './ChildService';
import { bundleEntry } from './bundleEntry';

/**
 * Stops one process of a running stack and starts it again (with `env` on top of what it
 * had), waiting until `healthUrl` answers 200: a department's system killed and brought
 * back, or a subgraph moved onto another link. A compiled process is compiled again from
 * its source first, so a restart runs the code as it is now. The map then holds the new process.
 */
export async function restartService(
  services: Map<string, ChildService>,
  name: string,
  healthUrl: string,
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ChildService> {
  const running = services.get(name);
  if (!running) throw new Error(`no service ${name} in this stack`);
  await running.stop();
  const { compiledFrom, entry } = running.options;
  if (compiledFrom) await bundleEntry({ entry: compiledFrom, name: path.basename(entry, '.js'), outDir: path.dirname(entry) });
  const fresh = new ChildService({ ...running.options, env: { ...running.options.env, ...options.env } });
  services.set(name, fresh);
  await waitFor(name, () => answers(healthUrl, (status) => status === 200), { timeoutMs: options.timeoutMs ?? 60_000, service: fresh });
  return fresh;
}

/**
 * Kills one process of a running stack outright (SIGKILL: no shutdown hook, nothing flushed,
 * a request or transaction cut off where it stood) and starts it again as it was, waiting
 * until `healthUrl` answers 200. Not compiled again: a crash is not a deployment. The map
 * then holds the new process.
 */
export async function crashService(
  services: Map<string, ChildService>,
  name: string,
  healthUrl: string,
  options: { timeoutMs?: number } = {},
): Promise<ChildService> {
  const running = services.get(name);
  if (!running) throw new Error(`no service ${name} in this stack`);
  if (running.running) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
  const fresh = new ChildService(running.options);
  services.set(name, fresh);
  await waitFor(name, () => answers(healthUrl, (status) => status === 200), { timeoutMs: options.timeoutMs ?? 60_000, service: fresh });
  return fresh;
}
