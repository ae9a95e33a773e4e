import path from 'node:path';
import { z } from 'zod';
import { createLogger, loadSettings } from '@resident-graph/service-kit';
import { createLinkStore, DEFAULT_LINK_SCHEMA, prepareLinkStore } from '../links/createLinkStore';
import { LINKABLE_DEPARTMENTS, linkFromExports, type LinkableDepartment } from './linkFromExports';

const log = createLogger('identity-link');

/**
 * `npm run identity:link`: one batch run over a department's data — candidates kept, the
 * CERTAIN ones linked — with progress in the log and the totals printed.
 */
async function main(): Promise<void> {
  const settings = loadSettings('identity-link', {
    IDENTITY_DATABASE_URL: z.string().min(1),
    IDENTITY_DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/)
      .default(DEFAULT_LINK_SCHEMA),
    DATA_DIR: z.string().min(1).default(path.resolve(__dirname, '../../../../.data/pilot')),
    DEPARTMENT: z.enum(LINKABLE_DEPARTMENTS as [LinkableDepartment, ...LinkableDepartment[]]).default('civil-affairs'),
  });
  const storeOptions = { databaseUrl: settings.IDENTITY_DATABASE_URL, schema: settings.IDENTITY_DATABASE_SCHEMA };
  await prepareLinkStore(storeOptions);
  const store = createLinkStore(storeOptions);
  try {
    const totals = await linkFromExports({
      dataDir: settings.DATA_DIR,
      department: settings.DEPARTMENT,
      store,
      onProgress: (progress) => log.info(progress, 'records matched'),
    });
    process.stdout.write(`${JSON.stringify(totals)}\n`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  log.error({ err: error }, 'link batch failed');
  process.exitCode = 1;
});
