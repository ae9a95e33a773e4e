import { z } from 'zod';
import { createAuditAppender, DEFAULT_SCHEMA } from '@resident-graph/audit/append';
import { loadSettings } from '@resident-graph/service-kit';
import type { AuditWriter } from './useAuditTrail';

/**
 * The audit store named by the environment (`AUDIT_DATABASE_URL`, `AUDIT_DATABASE_SCHEMA`,
 * `AUDIT_TIMEOUT_MS`): what every subgraph's `main.ts` writes its access entries to.
 */
export function auditWriterFromEnv(component: string, env: NodeJS.ProcessEnv = process.env): AuditWriter & { close(): Promise<void> } {
  const settings = loadSettings(
    component,
    {
      AUDIT_DATABASE_URL: z.string().min(1),
      AUDIT_DATABASE_SCHEMA: z.string().min(1).default(DEFAULT_SCHEMA),
      AUDIT_TIMEOUT_MS: z.coerce.number().int().positive().default(1_000),
    },
    env,
  );
  const store = createAuditAppender({ databaseUrl: settings.AUDIT_DATABASE_URL, schema: settings.AUDIT_DATABASE_SCHEMA, timeoutMs: settings.AUDIT_TIMEOUT_MS });
  // Opens the connection now: the first read must not pay for it within AUDIT_TIMEOUT_MS.
  store.checkHealth().catch(() => undefined);
  return {
    async write(entry) {
      await store.append(entry);
    },
    close: () => store.close(),
  };
}
