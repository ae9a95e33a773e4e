import 'reflect-metadata';
import { z } from 'zod';
import { createLogger, loadSettings, millisecondsSetting, onShutdown, portSetting, startTracing } from '@resident-graph/service-kit';
import { auditWriterFromEnv, KEY_SET_PATH } from '@resident-graph/subgraph-kit';
import { loadKey, loadTrustSettings } from '@resident-graph/trust';
import { startStatisticsSubgraph } from '.';

const COMPONENT = 'subgraph-statistics';

async function main(): Promise<void> {
  const settings = loadSettings(COMPONENT, {
    PORT: portSetting(4107),
    /** Each department's subgraph (`{"public-security": "http://127.0.0.1:4101/graphql", …}`); its key sets are asked at `/statistics/key-sets` beside it. */
    STATISTICS_SOURCES: z.string().transform((text, context) => {
      try {
        return z.record(z.string(), z.url({ protocol: /^https?$/ })).parse(JSON.parse(text));
      } catch {
        context.addIssue({ code: 'custom', message: 'a JSON object of department names to subgraph URLs' });
        return z.NEVER;
      }
    }),
    /** Smallest published non-zero count. */
    STATISTICS_THRESHOLD: z.coerce.number().int().min(1).default(10),
    /** Largest cell-key perturbation of a published count (0: exact counts). */
    STATISTICS_PERTURBATION_BOUND: z.coerce.number().int().min(0).max(10).default(2),
    STATISTICS_DEPARTMENT_TIMEOUT_MS: millisecondsSetting(30_000),
  });
  startTracing(COMPONENT);
  const audit = auditWriterFromEnv(COMPONENT);
  const running = await startStatisticsSubgraph({
    port: settings.PORT,
    audit,
    settings: {
      keySetUrls: Object.fromEntries(Object.entries(settings.STATISTICS_SOURCES).map(([department, url]) => [department, new URL(KEY_SET_PATH, url).href])),
      statisticsPrivateKey: await loadKey(loadTrustSettings(COMPONENT).TRUST_KEYS_DIR, 'statistics', 'private'),
      timeoutMs: settings.STATISTICS_DEPARTMENT_TIMEOUT_MS,
      threshold: settings.STATISTICS_THRESHOLD,
      perturbationBound: settings.STATISTICS_PERTURBATION_BOUND,
    },
  });
  onShutdown(
    async () => {
      await running.close();
      await audit.close();
    },
    { component: COMPONENT },
  );
}

main().catch((error: unknown) => {
  createLogger(COMPONENT).fatal({ err: error }, 'statistics subgraph failed to start');
  process.exit(1);
});
