import 'reflect-metadata';
import { createPublicSecurityAdapter } from '@resident-graph/adapter-public-security';
import { createLogger, loadSettings, millisecondsSetting, onShutdown, portSetting, urlSetting } from '@resident-graph/service-kit';
import { auditWriterFromEnv } from '@resident-graph/subgraph-kit';
import { startPublicSecuritySubgraph } from '.';

async function main(): Promise<void> {
  const settings = loadSettings('subgraph-public-security', {
    PORT: portSetting(4101),
    PUBLIC_SECURITY_URL: urlSetting('http://127.0.0.1:4201'),
    DEPARTMENT_TIMEOUT_MS: millisecondsSetting(2_000),
  });
  const adapter = createPublicSecurityAdapter({ baseUrl: settings.PUBLIC_SECURITY_URL, timeoutMs: settings.DEPARTMENT_TIMEOUT_MS });
  const audit = auditWriterFromEnv('subgraph-public-security');
  const running = await startPublicSecuritySubgraph({ port: settings.PORT, adapter, audit });
  onShutdown(async () => {
    await running.close();
    await adapter.close();
    await audit.close();
  });
}

main().catch((error: unknown) => {
  createLogger('subgraph-public-security').fatal({ err: error }, 'public-security subgraph failed to start');
  process.exit(1);
});
