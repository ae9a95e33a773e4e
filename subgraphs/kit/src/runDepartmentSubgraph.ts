import { z } from 'zod';
import { resilienceFromEnv, type DepartmentAdapter, type DepartmentResilience } from '@resident-graph/adapter-kit';
import { createLinkStore, DEFAULT_LINK_SCHEMA, type LinkStore } from '@resident-graph/identity/links';
import { createLogger, loadSettings, onShutdown, portSetting, startTracing, type RunningServer } from '@resident-graph/service-kit';
import { createDataQualityIndex, type DataQualityIndex } from './dataQuality/dataQualityIndex';
import { createJurisdictionIndex, type JurisdictionIndex } from './policy/jurisdictionIndex';
import { auditWriterFromEnv } from './policy/auditWriterFromEnv';
import type { AuditWriter } from './policy/useAuditTrail';

export interface DepartmentSubgraphProcess<TShape extends z.ZodRawShape, TAdapter extends DepartmentAdapter<unknown>> {
  /** The subgraph's name; its logs and settings errors say `subgraph-<name>`. */
  name: string;
  /** `PORT` when the environment sets none. */
  defaultPort: number;
  /**
   * What the adapter needs from the environment, beside `PORT`, the resilience settings
   * (`DEPARTMENT_TIMEOUT_MS`, `DEPARTMENT_RETRIES`, `DEPARTMENT_BREAK_AFTER`,
   * `DEPARTMENT_HALF_OPEN_AFTER_MS`, `DEPARTMENT_MAX_CONCURRENT`, `DEPARTMENT_MAX_QUEUED`;
   * adapter-kit `resilienceFromEnv`) and the audit store's settings.
   */
  settings: TShape;
  createAdapter(settings: z.infer<z.ZodObject<TShape>>, resilience: DepartmentResilience): TAdapter;
  start(options: {
    port: number;
    adapter: TAdapter;
    audit: AuditWriter;
    jurisdiction: JurisdictionIndex;
    dataQuality: DataQualityIndex;
    links?: LinkStore;
  }): Promise<RunningServer>;
}

/**
 * A department subgraph's process (`src/main.ts`): settings validated at start, the
 * adapter, the audit store, the server. SIGINT/SIGTERM close the server first (no new
 * requests; those in flight finish, each writing its audit entry before it answers), then the
 * adapter, the audit store and the indexes, within `SHUTDOWN_GRACE_MS`. A start that fails
 * logs why and exits 1.
 */
export function runDepartmentSubgraph<TShape extends z.ZodRawShape, TAdapter extends DepartmentAdapter<unknown>>(
  subgraph: DepartmentSubgraphProcess<TShape, TAdapter>,
): void {
  const component = `subgraph-${subgraph.name}`;
  const main = async () => {
    const settings = loadSettings(component, {
      PORT: portSetting(subgraph.defaultPort),
      /** The grid database, whose jurisdiction index says where residents and households are. */
      JURISDICTION_DATABASE_URL: z.string().min(1),
      JURISDICTION_DATABASE_SCHEMA: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
        .default('grid'),
      /** The street's database, where departments publish their data-quality issues and public security reads them. */
      DATA_QUALITY_DATABASE_URL: z.string().min(1),
      DATA_QUALITY_DATABASE_SCHEMA: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
        .default('data_quality'),
      /** Identity resolution's link table (tools/identity); unset, records are read under their stored IDs only. */
      IDENTITY_DATABASE_URL: z.string().min(1).optional(),
      IDENTITY_DATABASE_SCHEMA: z
        .string()
        .regex(/^[a-z_][a-z0-9_]{0,62}$/)
        .default(DEFAULT_LINK_SCHEMA),
    });
    startTracing(component);
    const adapter = subgraph.createAdapter(loadSettings(component, subgraph.settings), resilienceFromEnv(component));
    const audit = auditWriterFromEnv(component);
    const jurisdiction = createJurisdictionIndex({ databaseUrl: settings.JURISDICTION_DATABASE_URL, schema: settings.JURISDICTION_DATABASE_SCHEMA });
    const dataQuality = createDataQualityIndex({ databaseUrl: settings.DATA_QUALITY_DATABASE_URL, schema: settings.DATA_QUALITY_DATABASE_SCHEMA });
    const links = settings.IDENTITY_DATABASE_URL
      ? createLinkStore({ databaseUrl: settings.IDENTITY_DATABASE_URL, schema: settings.IDENTITY_DATABASE_SCHEMA })
      : undefined;
    const running = await subgraph.start({ port: settings.PORT, adapter, audit, jurisdiction, dataQuality, links });
    onShutdown(
      async () => {
        await running.close();
        await adapter.close();
        await audit.close();
        await jurisdiction.close();
        await dataQuality.close();
        await links?.close();
      },
      { component },
    );
  };
  main().catch((error: unknown) => {
    createLogger(component).fatal({ err: error }, `${subgraph.name} subgraph failed to start`);
    process.exit(1);
  });
}
