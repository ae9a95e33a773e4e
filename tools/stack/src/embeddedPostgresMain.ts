import { z } from 'zod';
import { createLogger, loadSettings, onShutdown, portSetting } from '@resident-graph/service-kit';
import { startEmbeddedPostgres } from './embeddedPostgres';

const settings = loadSettings('embedded-postgres', { PORT: portSetting(4432), PGLITE_DATA_DIR: z.string().min(1) });
const logger = createLogger('embedded-postgres');

startEmbeddedPostgres({ dataDir: settings.PGLITE_DATA_DIR, port: settings.PORT }).then(
  (postgres) => {
    logger.info({ url: postgres.url }, 'embedded PostgreSQL ready');
    onShutdown(() => postgres.stop());
  },
  (error: unknown) => {
    logger.error({ err: error }, 'embedded PostgreSQL failed to start');
    process.exit(1);
  },
);
