import type { Logger } from '@resident-graph/service-kit';
import { createLinkStore, LINKABLE_DEPARTMENTS, linkFromExports } from '@resident-graph/identity';

/** One batch run of identity resolution per department whose export it reads, progress in the stack's log. */
export async function linkDepartmentRecords(options: { databaseUrl: string; schema: string; dataDir: string; logger?: Logger }): Promise<void> {
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
  } finally {
    await store.close();
  }
}
