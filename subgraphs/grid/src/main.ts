import { createGridAdapter, DEFAULT_SCHEMA } from '@resident-graph/adapter-grid';
import { createLogger, loadSettings, millisecondsSetting, onShutdown, portSetting } from '@resident-graph/service-kit';
import { auditWriterFromEnv } from '@resident-graph/subgraph-kit';
import { z } from 'zod';
import { startGridSubgraph } from '.';

async function main(): Promise<void> {
  const settings = loadSettings('subgraph-grid', {
    PORT: portSetting(4105),
    GRID_DATABASE_URL: z.string().min(1),
    GRID_DATABASE_SCHEMA: z.string().min(1).default(DEFAULT_SCHEMA),
    DEPARTMENT_TIMEOUT_MS: millisecondsSetting(2_000),
  });
  const adapter = createGridAdapter({
    databaseUrl: settings.GRID_DATABASE_URL,
    schema: settings.GRID_DATABASE_SCHEMA,
    timeoutMs: settings.DEPARTMENT_TIMEOUT_MS,
  });
  const audit = auditWriterFromEnv('subgraph-grid');
  const running = await startGridSubgraph({ port: settings.PORT, adapter, audit });
  onShutdown(async () => {
    await running.close();
    await adapter.close();
    await audit.close();
  });
}

main().catch((error: unknown) => {
  createLogger('subgraph-grid').fatal({ err: error }, 'grid subgraph failed to start');
  process.exit(1);
});
