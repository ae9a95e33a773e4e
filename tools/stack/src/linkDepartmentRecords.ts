import type { Logger } from '@resident-graph/service-kit';
import { createLinkStore, LINKABLE_DEPARTMENTS, linkFromExports, watchExports } from '@resident-graph/identity';

/** How often the stack looks whether a department's export changed, to match its records again. */
const EXPORT_CHECK_INTERVAL_MS = 60_000;

/**
 * One batch run of identity resolution per department whose export it reads, progress in the
 * stack's log; then, until `stop`, a department's records are matched again whenever its
 * export (or the register's) changes — a nightly labour export, say.
 */
export async function linkDepartmentRecords(options: {
  databaseUrl: string;
  schema: string;
  dataDir: string;
  logger?: Logger;
}): Promise<{ stop(): Promise<void> }> {
  const store = createLinkStore({ databaseUrl: options.databaseUrl, schema: options.schema });
  try {
    for (const department of LINKABLE_DEPARTMENTS) {
      const totals = await linkFromExports({
        dataDir: options.dataDir,
        department,
        store,
        onProgress: (progress) => options.logger?.debug(progress, 'records matched'),
      });
      options.logger?.info(totals, `identity resolution: ${department} records linked`);
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  const watch = await watchExports({
    dataDir: options.dataDir,
    store,
    intervalMs: EXPORT_CHECK_INTERVAL_MS,
    onRun: (totals) => options.logger?.info(totals, `identity resolution: ${totals.department} export changed, records matched again`),
    onError: (error, department) => options.logger?.error({ err: error, department }, 'identity resolution: export not matched, tried again at the next look'),
  });
  return {
    async stop() {
      await watch.stop();
      await store.close();
    },
  };
}
