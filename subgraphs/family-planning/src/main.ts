import { createFamilyPlanningAdapter } from '@resident-graph/adapter-family-planning';
import { createLogger, loadSettings, millisecondsSetting, onShutdown, portSetting, urlSetting } from '@resident-graph/service-kit';
import { auditWriterFromEnv } from '@resident-graph/subgraph-kit';
import { startFamilyPlanningSubgraph } from '.';

async function main(): Promise<void> {
  const settings = loadSettings('subgraph-family-planning', {
    PORT: portSetting(4103),
    FAMILY_PLANNING_URL: urlSetting('http://127.0.0.1:4203'),
    DEPARTMENT_TIMEOUT_MS: millisecondsSetting(2_000),
  });
  const adapter = createFamilyPlanningAdapter({ baseUrl: settings.FAMILY_PLANNING_URL, timeoutMs: settings.DEPARTMENT_TIMEOUT_MS });
  const audit = auditWriterFromEnv('subgraph-family-planning');
  const running = await startFamilyPlanningSubgraph({ port: settings.PORT, adapter, audit });
  onShutdown(async () => {
    await running.close();
    await adapter.close();
    await audit.close();
  });
}

main().catch((error: unknown) => {
  createLogger('subgraph-family-planning').fatal({ err: error }, 'family-planning subgraph failed to start');
  process.exit(1);
});
