import { z } from 'zod';
import { createLogger, loadSettings, onShutdown, portSetting } from '@resident-graph/service-kit';
import { startStandIn } from './startStandIn';

const logger = createLogger('stand-in-family-planning');

async function main(): Promise<void> {
  const settings = loadSettings('stand-in-family-planning', {
    PORT: portSetting(4203),
    DATA_DIR: z.string().min(1),
    // Where registered events are kept; the stack gives each of its runs its own.
    STATE_DIR: z.string().min(1).optional(),
  });
  const standIn = await startStandIn({ dataDir: settings.DATA_DIR, port: settings.PORT, stateDir: settings.STATE_DIR });
  logger.info({ url: standIn.url, dataDir: settings.DATA_DIR }, 'family-planning SOAP service ready');
  onShutdown(() => standIn.close());
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'family-planning stand-in failed to start');
  process.exit(1);
});
