// type-graphql's decorators read design-time types: the polyfill must load before the kit's types are declared.
import 'reflect-metadata';
import { createCivilAffairsAdapter, DEFAULT_SCHEMA } from '@resident-graph/adapter-civil-affairs';
import { createLogger, loadSettings, millisecondsSetting, onShutdown, portSetting } from '@resident-graph/service-kit';
import { auditWriterFromEnv } from '@resident-graph/subgraph-kit';
import { z } from 'zod';
import { startCivilAffairsSubgraph } from '.';

async function main(): Promise<void> {
  const settings = loadSettings('subgraph-civil-affairs', {
    PORT: portSetting(4102),
    CIVIL_AFFAIRS_DATABASE_URL: z.string().min(1),
    CIVIL_AFFAIRS_DATABASE_SCHEMA: z.string().min(1).default(DEFAULT_SCHEMA),
    DEPARTMENT_TIMEOUT_MS: millisecondsSetting(2_000),
  });
  const adapter = createCivilAffairsAdapter({
    databaseUrl: settings.CIVIL_AFFAIRS_DATABASE_URL,
    schema: settings.CIVIL_AFFAIRS_DATABASE_SCHEMA,
    timeoutMs: settings.DEPARTMENT_TIMEOUT_MS,
  });
  const audit = auditWriterFromEnv('subgraph-civil-affairs');
  const running = await startCivilAffairsSubgraph({ port: settings.PORT, adapter, audit });
  onShutdown(async () => {
    await running.close();
    await adapter.close();
    await audit.close();
  });
}

main().catch((error: unknown) => {
  createLogger('subgraph-civil-affairs').fatal({ err: error }, 'civil-affairs subgraph failed to start');
  process.exit(1);
});
