import type { RunningServer } from '@resident-graph/service-kit';
import { createLogger } from '@resident-graph/service-kit';
import { startSubgraph, type AuditWriter } from '@resident-graph/subgraph-kit';
import type { KeyLike } from '@resident-graph/trust';
import type { StatisticsSettings } from './answerStatistics';
import { buildStatisticsSchema } from './buildStatisticsSchema';
import { statisticsPolicy } from './permissions';
import { createStatisticsService } from './statisticsService';

export interface StartStatisticsSubgraphOptions {
  port: number;
  host?: string;
  settings: StatisticsSettings;
  audit: AuditWriter;
  /** @default the `gateway` public key in `TRUST_KEYS_DIR` */
  gatewayPublicKey?: KeyLike;
  /** @default Asia/Shanghai's date now */
  today?: () => string;
}

/** Serves `statistics(input:)` to analysts through the gateway, asking the departments for key sets. */
export async function startStatisticsSubgraph(options: StartStatisticsSubgraphOptions): Promise<RunningServer> {
  const { schema } = await buildStatisticsSchema();
  const statistics = createStatisticsService(options.settings, options.audit, createLogger('subgraph-statistics'), options.today);
  return startSubgraph({
    name: 'statistics',
    schema,
    port: options.port,
    host: options.host,
    context: async () => ({ statistics }),
    adapters: [],
    policy: statisticsPolicy,
    audit: options.audit,
    gatewayPublicKey: options.gatewayPublicKey,
  });
}
