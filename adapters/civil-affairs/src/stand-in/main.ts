import { z } from 'zod';
import { createLogger, loadSettings } from '@resident-graph/service-kit';
import { DEFAULT_SCHEMA } from '../defaultSchema';
import { prepareStandIn } from './prepareStandIn';

const logger = createLogger('stand-in-civil-affairs');

/** Prepares the civil-affairs database once (migrations, then the seed if empty) and exits. */
async function main(): Promise<void> {
  const settings = loadSettings('stand-in-civil-affairs', {
    DATABASE_URL: z.string().min(1),
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
      .default(DEFAULT_SCHEMA),
    DATA_DIR: z.string().min(1),
  });
  const started = Date.now();
  await prepareStandIn({ databaseUrl: settings.DATABASE_URL, schema: settings.DATABASE_SCHEMA, dataDir: settings.DATA_DIR });
  logger.info({ schema: settings.DATABASE_SCHEMA, ms: Date.now() - started }, 'civil-affairs database ready');
}

main().catch((error: unknown) => {
  logger.error({ err: error }, 'civil-affairs stand-in failed');
  process.exitCode = 1;
});
