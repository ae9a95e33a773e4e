import type { z } from 'zod';
import type { DepartmentAdapter } from '@resident-graph/adapter-kit';
import { createLogger, loadSettings, millisecondsSetting, onShutdown, portSetting, type RunningServer } from '@resident-graph/service-kit';
import { auditWriterFromEnv } from './policy/auditWriterFromEnv';
import type { AuditWriter } from './policy/useAuditTrail';

export interface DepartmentSubgraphProcess<TShape extends z.ZodRawShape, TAdapter extends DepartmentAdapter<unknown>> {
  /** The subgraph's name; its logs and settings errors say `subgraph-<name>`. */
  name: string;
  /** `PORT` when the environment sets none. */
  defaultPort: number;
  /** What the adapter needs from the environment, beside `PORT`, `DEPARTMENT_TIMEOUT_MS` (default 2000) and the audit store's settings. */
  settings: TShape;
  createAdapter(settings: z.infer<z.ZodObject<TShape>>, timeoutMs: number): TAdapter;
  start(options: { port: number; adapter: TAdapter; audit: AuditWriter }): Promise<RunningServer>;
}

/**
 * A department subgraph's process (`src/main.ts`): settings validated at start, the
 * adapter, the audit store, the server; SIGINT/SIGTERM close them in that order. A start
 * that fails logs why and exits 1.
 */
export function runDepartmentSubgraph<TShape extends z.ZodRawShape, TAdapter extends DepartmentAdapter<unknown>>(
  subgraph: DepartmentSubgraphProcess<TShape, TAdapter>,
): void {
  const component = `subgraph-${subgraph.name}`;
  const main = async () => {
    const { PORT, DEPARTMENT_TIMEOUT_MS } = loadSettings(component, {
      PORT: portSetting(subgraph.defaultPort),
      DEPARTMENT_TIMEOUT_MS: millisecondsSetting(2_000),
    });
    const adapter = subgraph.createAdapter(loadSettings(component, subgraph.settings), DEPARTMENT_TIMEOUT_MS);
    const audit = auditWriterFromEnv(component);
    const running = await subgraph.start({ port: PORT, adapter, audit });
    onShutdown(async () => {
      await running.close();
      await adapter.close();
      await audit.close();
    });
  };
  main().catch((error: unknown) => {
    createLogger(component).fatal({ err: error }, `${subgraph.name} subgraph failed to start`);
    process.exit(1);
  });
}
