import 'reflect-metadata';
import { z } from 'zod';
import { createLogger, loadSettings, millisecondsSetting, onShutdown, portSetting, startTracing } from '@resident-graph/service-kit';
import { auditWriterFromEnv, createJurisdictionIndex } from '@resident-graph/subgraph-kit';
import { loadKey, loadTrustSettings } from '@resident-graph/trust';
import { changeLimitsSchema, createGridDirectory, DEFAULT_CHANGES_SCHEMA, startChangesSubgraph } from '.';

const COMPONENT = 'subgraph-changes';

async function main(): Promise<void> {
  const settings = loadSettings(COMPONENT, {
    PORT: portSetting(4108),
    CHANGES_DATABASE_URL: z.string().min(1),
    CHANGES_DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/)
      .default(DEFAULT_CHANGES_SCHEMA),
    /** pg-boss's own schema. @default the changes schema with `_queue` */
    CHANGES_QUEUE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/)
      .optional(),
    /** Each department's subgraph (`{"labour": "http://127.0.0.1:4104/graphql", …}`); its change routes are beside it. */
    CHANGES_DEPARTMENT_URLS: z.string().transform((text, context) => {
      try {
        return z.record(z.string(), z.url({ protocol: /^https?$/ })).parse(JSON.parse(text));
      } catch {
        context.addIssue({ code: 'custom', message: 'a JSON object of department names to subgraph URLs' });
        return z.NEVER;
      }
    }),
    /** Where residents and grids are: the grid database. */
    JURISDICTION_DATABASE_URL: z.string().min(1),
    JURISDICTION_DATABASE_SCHEMA: z.string().min(1).default('grid'),
    CHANGE_LIMITS_JSON: changeLimitsSchema,
    /** The last part of a delivery's time in which its light is YELLOW. */
    CHANGES_YELLOW_FRACTION: z.coerce.number().gt(0).lt(1).default(0.2),
    CHANGES_DEPARTMENT_TIMEOUT_MS: millisecondsSetting(10_000),
    CHANGES_RETRY_LIMIT: z.coerce.number().int().min(0).default(100),
    CHANGES_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).default(5),
    CHANGES_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
    CHANGES_POLLING_INTERVAL_SECONDS: z.coerce.number().min(0.5).default(1),
  });
  startTracing(COMPONENT);
  const audit = auditWriterFromEnv(COMPONENT);
  const jurisdiction = createJurisdictionIndex({ databaseUrl: settings.JURISDICTION_DATABASE_URL, schema: settings.JURISDICTION_DATABASE_SCHEMA });
  const grids = createGridDirectory({ databaseUrl: settings.JURISDICTION_DATABASE_URL, schema: settings.JURISDICTION_DATABASE_SCHEMA });
  const running = await startChangesSubgraph({
    port: settings.PORT,
    databaseUrl: settings.CHANGES_DATABASE_URL,
    schema: settings.CHANGES_DATABASE_SCHEMA,
    queue: {
      schema: settings.CHANGES_QUEUE_SCHEMA ?? `${settings.CHANGES_DATABASE_SCHEMA}_queue`,
      retryLimit: settings.CHANGES_RETRY_LIMIT,
      retryDelaySeconds: settings.CHANGES_RETRY_DELAY_SECONDS,
      concurrency: settings.CHANGES_CONCURRENCY,
      pollingIntervalSeconds: settings.CHANGES_POLLING_INTERVAL_SECONDS,
      // A send is bounded by the department timeout; a job active far longer lost its worker.
      expireInSeconds: Math.ceil((settings.CHANGES_DEPARTMENT_TIMEOUT_MS * 3) / 1000),
    },
    settings: {
      departments: {
        departmentUrls: settings.CHANGES_DEPARTMENT_URLS,
        changesPrivateKey: await loadKey(loadTrustSettings(COMPONENT).TRUST_KEYS_DIR, 'changes', 'private'),
        timeoutMs: settings.CHANGES_DEPARTMENT_TIMEOUT_MS,
      },
      limits: settings.CHANGE_LIMITS_JSON,
      yellowFraction: settings.CHANGES_YELLOW_FRACTION,
    },
    jurisdiction,
    grids,
    audit,
  });
  onShutdown(
    async () => {
      await running.close();
      await Promise.all([jurisdiction.close(), grids.close(), audit.close()]);
    },
    { component: COMPONENT },
  );
}

main().catch((error: unknown) => {
  createLogger(COMPONENT).fatal({ err: error }, 'changes subgraph failed to start');
  process.exit(1);
});
