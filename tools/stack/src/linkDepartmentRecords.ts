import type { Logger } from '@resident-graph/service-kit';
import { watchExports, type LinkableDepartment } from '@resident-graph/identity';

/** How often the stack looks whether a department's export changed, to match its records again. */
const EXPORT_CHECK_INTERVAL_MS = 60_000;

/**
 * One batch run of identity resolution over every department whose export it reads; then,
 * until `stop`, a department's records are matched again whenever its export (or the
 * register's) changes — a nightly labour export, say. Each run is its own process
 * (`runBatch`, `npm run identity:link`'s), so the stack holds no department's records
 * between runs.
 */
export async function linkDepartmentRecords(options: {
  dataDir: string;
  runBatch(department: LinkableDepartment | 'all'): Promise<void>;
  logger?: Logger;
}): Promise<{ stop(): Promise<void> }> {
  await options.runBatch('all');
  options.logger?.info('identity resolution: every department linked');
  return watchExports({
    dataDir: options.dataDir,
    intervalMs: EXPORT_CHECK_INTERVAL_MS,
    relink: (department) => options.runBatch(department),
    onRun: (department) => options.logger?.info({ department }, `identity resolution: ${department} export changed, records matched again`),
    onError: (error, department) => options.logger?.error({ err: error, department }, 'identity resolution: export not matched, tried again at the next look'),
  });
}
