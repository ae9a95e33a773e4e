import { REPO_ROOT, startStack } from '@resident-graph/stack';
import { freeStackPorts } from './freeStackPorts';

/**
 * The stack of the checkout this file is in, as a process of its own: a test starts it
 * in a copy of the repository to run the copy's code (`onboarding.e2e.ts`). Settings
 * come from the environment; it prints one JSON line when ready and stops on SIGTERM.
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
  });
  process.stdout.write(`${JSON.stringify({ repoRoot: REPO_ROOT, gatewayUrl: stack.gatewayUrl, keysDir: stack.keysDir })}\n`);
  const stop = () => void stack.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
