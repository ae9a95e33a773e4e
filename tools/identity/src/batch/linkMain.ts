import path from 'node:path';
import { z } from 'zod';
import { createLogger, loadSettings } from '@resident-graph/service-kit';
import { createLinkStore, DEFAULT_LINK_SCHEMA, prepareLinkStore } from '../links/createLinkStore';
import { LINKABLE_DEPARTMENTS, linkFromExports, type LinkableDepartment } from './linkFromExports';

const log = createLogger('identity-link');

/**
 * `npm run identity:link`: one batch run over a department's data (`DEPARTMENT`, or `all` of
 * them in turn) — candidates kept, the CERTAIN ones linked — with progress in the log and the
 * totals printed, a line a department.
 */
async function main(): Promise<void> {
  const settings = loadSettings('identity-link', {
    IDENTITY_DATABASE_URL: z.string().min(1),
    IDENTITY_DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/)
      .default(DEFAULT_LINK_SCHEMA),
    DATA_DIR: z.string().min(1).default(path.resolve(__dirname, '../../../../.data/pilot')),
    DEPARTMENT: z.union([z.enum(LINKABLE_DEPARTMENTS as [LinkableDepartment, ...LinkableDepartment[]]), z.literal('all')]).default('civil-affairs'),
  });
  const storeOptions = { databaseUrl: settings.IDENTITY_DATABASE_URL, schema: settings.IDENTITY_DATABASE_SCHEMA };
  await prepareLinkStore(storeOptions);
  const store = createLinkStore(storeOptions);
  try {
    for (const department of settings.DEPARTMENT === 'all' ? LINKABLE_DEPARTMENTS : [settings.DEPARTMENT]) {
      const totals = await linkFromExports({
        dataDir: settings.DATA_DIR,
        department,
        store,
        onProgress: (progress) => log.info(progress, 'records matched'),
      });
      log.info(totals, `${department} records linked`);
      process.stdout.write(`${JSON.stringify(totals)}\n`);
    }
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  log.error({ err: error }, 'link batch failed');
  process.exitCode = 1;
});
