import { createLogger, loadSettings, onShutdown, portSetting } from '@resident-graph/service-kit';
import { z } from 'zod';
import { startStandIn } from './startStandIn';

/** Runs the labour bureau's query API stand-in over the data in `DATA_DIR`. */
async function main(): Promise<void> {
  const settings = loadSettings('labour-stand-in', { PORT: portSetting(4204), DATA_DIR: z.string().min(1), STATE_DIR: z.string().min(1).optional() });
  const logger = createLogger('stand-in-labour');
  const standIn = await startStandIn({ dataDir: settings.DATA_DIR, port: settings.PORT, stateDir: settings.STATE_DIR });
  logger.info({ url: standIn.url }, 'labour stand-in ready');
  onShutdown(() => standIn.close());
}

main().catch((error: unknown) => {
  createLogger('stand-in-labour').fatal({ err: error }, 'labour stand-in failed to start');
  process.exit(1);
});
