import { createInterface } from 'node:readline';
import { REPO_ROOT, restartService, startStack } from '@resident-graph/stack';
import { freeStackPorts } from './freeStackPorts';

/**
 * The stack of the checkout this file is in, as a process of its own: a test starts it
 * in a copy of the repository to run the copy's code (`onboarding.e2e.ts`). Settings
 * come from the environment; it prints one JSON line when ready, restarts a subgraph on
 * a `restart <name>` line on stdin (answering `restarted <name>`), and stops on SIGTERM.
 */
async function main(): Promise<void> {
  const { STACK_DATA_DIR, STACK_WORK_DIR, DATABASE_URL } = process.env;
  if (!STACK_DATA_DIR || !STACK_WORK_DIR || !DATABASE_URL) throw new Error('STACK_DATA_DIR, STACK_WORK_DIR and DATABASE_URL are required');
  const stack = await startStack({
    dataDir: STACK_DATA_DIR,
    workDir: STACK_WORK_DIR,
    preset: 'pilot',
    databaseUrl: DATABASE_URL,
    env: { LOG_LEVEL: 'warn' },
    ports: await freeStackPorts(),
    startupTimeoutMs: 600_000,
  });
  const stop = () => void stack.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  createInterface({ input: process.stdin }).on('line', (line) => {
    const name = /^restart (\S+)$/.exec(line)?.[1];
    const running = name ? stack.services.get(`${name}-subgraph`) : undefined;
    if (!name || !running) return void process.stdout.write(`unknown ${line}\n`);
    void (async () => {
      await restartService(stack.services, `${name}-subgraph`, `http://127.0.0.1:${stack.ports.subgraphs[name]!}/health`, { timeoutMs: 600_000 });
      process.stdout.write(`restarted ${name}\n`);
    })();
  });
  process.stdout.write(`${JSON.stringify({ repoRoot: REPO_ROOT, gatewayUrl: stack.gatewayUrl, keysDir: stack.keysDir })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
