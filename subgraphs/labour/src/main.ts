import { createLabourAdapter } from '@resident-graph/adapter-labour';
import { createLogger, loadSettings, millisecondsSetting, onShutdown, portSetting, urlSetting } from '@resident-graph/service-kit';
import { auditWriterFromEnv } from '@resident-graph/subgraph-kit';
import { z } from 'zod';
import { startLabourSubgraph } from '.';

async function main(): Promise<void> {
  const settings = loadSettings('subgraph-labour', {
    PORT: portSetting(4104),
    LABOUR_URL: urlSetting('http://127.0.0.1:4204'),
    LABOUR_EXPORT_DIR: z.string().min(1),
    DEPARTMENT_TIMEOUT_MS: millisecondsSetting(2_000),
  });
  const adapter = createLabourAdapter({
    baseUrl: settings.LABOUR_URL,
    exportDir: settings.LABOUR_EXPORT_DIR,
    timeoutMs: settings.DEPARTMENT_TIMEOUT_MS,
  });
  const audit = auditWriterFromEnv('subgraph-labour');
  const running = await startLabourSubgraph({ port: settings.PORT, adapter, audit });
  onShutdown(async () => {
    await running.close();
    await adapter.close();
    await audit.close();
  });
}

main().catch((error: unknown) => {
  createLogger('subgraph-labour').fatal({ err: error }, 'labour subgraph failed to start');
  process.exit(1);
});
