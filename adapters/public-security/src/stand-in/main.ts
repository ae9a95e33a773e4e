import { createLogger, loadSettings, onShutdown, portSetting } from '@resident-graph/service-kit';
import { z } from 'zod';
import { startStandIn } from './startStandIn';

const settings = loadSettings('public-security-stand-in', {
  PORT: portSetting(4201),
  DATA_DIR: z.string().min(1),
  RATE_LIMIT_PER_SECOND: z.coerce.number().int().positive().default(200),
  STATE_DIR: z.string().min(1).optional(),
});
const logger = createLogger('public-security-stand-in');

startStandIn({
  dataDir: settings.DATA_DIR,
  port: settings.PORT,
  rateLimitPerSecond: settings.RATE_LIMIT_PER_SECOND,
  stateDir: settings.STATE_DIR,
}).then(
  (standIn) => {
    logger.info({ url: standIn.url, dataDir: settings.DATA_DIR }, 'household-registration stand-in ready');
    onShutdown(() => standIn.close());
  },
  (error: unknown) => {
    logger.fatal({ err: error }, 'household-registration stand-in failed to start');
    process.exit(1);
  },
);
