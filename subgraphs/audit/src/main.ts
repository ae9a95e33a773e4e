import 'reflect-metadata';
import { z } from 'zod';
import { createAuditStore, DEFAULT_SCHEMA } from '@resident-graph/audit';
import { createLogger, loadSettings, onShutdown, portSetting } from '@resident-graph/service-kit';
import { startAuditSubgraph } from '.';

async function main(): Promise<void> {
  const settings = loadSettings('subgraph-audit', {
    PORT: portSetting(4106),
    AUDIT_DATABASE_URL: z.string().min(1),
    AUDIT_DATABASE_SCHEMA: z.string().min(1).default(DEFAULT_SCHEMA),
  });
  const store = createAuditStore({ databaseUrl: settings.AUDIT_DATABASE_URL, schema: settings.AUDIT_DATABASE_SCHEMA });
  const running = await startAuditSubgraph({ port: settings.PORT, store });
  onShutdown(async () => {
    await running.close();
    await store.close();
  });
}

main().catch((error: unknown) => {
  createLogger('subgraph-audit').fatal({ err: error }, 'audit subgraph failed to start');
  process.exit(1);
});
