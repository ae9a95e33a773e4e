import { createLogger, loadSettings } from '@resident-graph/service-kit';
import { z } from 'zod';
import { DEFAULT_SCHEMA } from '../schemaName';
import { prepareStandIn } from './prepareStandIn';

const logger = createLogger('grid-stand-in');
const settings = loadSettings('grid-stand-in', {
  DATABASE_URL: z.string().min(1),
  DATABASE_SCHEMA: z.string().min(1).default(DEFAULT_SCHEMA),
  DATA_DIR: z.string().min(1),
});

prepareStandIn({ databaseUrl: settings.DATABASE_URL, schema: settings.DATABASE_SCHEMA, dataDir: settings.DATA_DIR }).then(
  ({ loaded }) =>
    logger.info({ schema: settings.DATABASE_SCHEMA, loaded }, loaded ? 'grid database migrated and seeded' : 'grid database migrated; already seeded'),
  (error: unknown) => {
    logger.error({ err: error }, 'grid database could not be prepared');
    process.exitCode = 1;
  },
);
