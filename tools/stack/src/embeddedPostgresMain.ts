import { z } from 'zod';
import { createLogger, loadSettings, onShutdown, portSetting } from '@resident-graph/service-kit';
import { startEmbeddedPostgres } from './embeddedPostgres';

const settings = loadSettings('embedded-postgres', {
  PORT: portSetting(4432),
  PGLITE_DATA_DIR: z.string().min(1),
  /** Where the socket is made (a folder only this OS user may enter); the socket is named after PORT. */
  PGLITE_SOCKET_DIR: z.string().min(1),
});
const logger = createLogger('embedded-postgres');

startEmbeddedPostgres({ dataDir: settings.PGLITE_DATA_DIR, port: settings.PORT, socketDir: settings.PGLITE_SOCKET_DIR }).then(
  (postgres) => {
    logger.info({ url: postgres.url }, 'embedded PostgreSQL ready');
    onShutdown(() => postgres.stop(), { component: 'embedded-postgres' });
  },
  (error: unknown) => {
    logger.error({ err: error }, 'embedded PostgreSQL failed to start');
    process.exit(1);
  },
);
