import { Client } from 'pg';
import type { DepartmentId } from '@resident-graph/schemas';
import { createDataQualityIndex } from '@resident-graph/subgraph-kit';
import { waitFor } from './ChildService';

/** The database's own clock: the time publications are stamped with (`now()`), whatever the machine's. */
export async function databaseNow(url: string): Promise<Date> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ now: Date }>('SELECT now() AS now');
    return rows[0]!.now;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface WaitForDataQualityOptions {
  databaseUrl: string;
  schema: string;
  departments: readonly DepartmentId[];
  /** The database's time (`databaseNow`) when the departments' subgraphs were started. */
  since: Date;
  timeoutMs: number;
}

/**
 * Resolves once every one of `departments` has published its data-quality issues since
 * `since`, not merely once: a publication left by the last run may describe data that has
 * changed since, and the first one of this run — on `district`, a scan of every stored key
 * and 49,000 residents' issues — would otherwise run under the first requests, which on the
 * embedded database (one thread) held audit appends past their limit.
 */
export async function waitForDataQuality(options: WaitForDataQualityOptions): Promise<void> {
  const index = createDataQualityIndex({ databaseUrl: options.databaseUrl, schema: options.schema });
  try {
    await waitFor(
      `data-quality issues of ${options.departments.join(', ')}`,
      async () => {
        const published = await index.publishers();
        return options.departments.every((department) => (published.get(department)?.getTime() ?? -Infinity) >= options.since.getTime());
      },
      { timeoutMs: options.timeoutMs },
    );
  } finally {
    await index.close();
  }
}
