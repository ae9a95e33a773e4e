import path from 'node:path';
import { z } from 'zod';
import { createLogger, loadSettings, onShutdown, portSetting } from '@resident-graph/service-kit';
import { REPO_ROOT } from './repoPaths';
import { startStack } from './startStack';
import { assignPorts } from './stackPorts';

const settings = loadSettings('stack', {
  PORT: portSetting(4000),
  /** Every port of the stack counted up from here, the gateway's first (a second stack on one machine); PORT is then not read. */
  PORT_BASE: z.coerce.number().int().min(1024).max(65_000).optional(),
  PRESET: z.enum(['pilot', 'district']).default('pilot'),
  DATA_DIR: z.string().optional(),
  /** A real PostgreSQL instead of the embedded one. */
  DATABASE_URL: z.string().optional(),
  /** Where the stack keeps its own state: the embedded database, keys, logs. */
  WORK_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data')),
});
const logger = createLogger('stack');

function portsFrom(base: number) {
  let next = base;
  return assignPorts(() => next++);
}
const workDir = settings.WORK_DIR;
const started = Date.now();

startStack({
  dataDir: settings.DATA_DIR ?? path.join(workDir, settings.PRESET),
  workDir,
  preset: settings.PRESET,
  databaseUrl: settings.DATABASE_URL,
  ports: settings.PORT_BASE === undefined ? { gateway: settings.PORT } : portsFrom(settings.PORT_BASE),
  // The console's development sign-in (any role, any jurisdiction): on for this start only, never a deployment's default.
  env: { CONSOLE_DEV_SIGN_IN: process.env.CONSOLE_DEV_SIGN_IN ?? '1' },
  logger,
  linkRecords: true,
}).then(
  (stack) => {
    logger.info({ seconds: (Date.now() - started) / 1000, logs: path.join(workDir, 'logs') }, 'all parts running');
    process.stdout.write(`\nResident Graph is up: ${stack.gatewayUrl}  (console http://127.0.0.1:${stack.ports.gateway}/)\nPress Ctrl-C to stop.\n\n`);
    onShutdown(async () => {
      logger.info('stopping');
      await stack.stop();
    });
  },
  (error: unknown) => {
    logger.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
