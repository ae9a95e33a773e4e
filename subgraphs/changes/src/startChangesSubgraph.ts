import { departmentsFor, CHANGE_KINDS } from '@resident-graph/schemas';
import { createLogger, type RunningServer } from '@resident-graph/service-kit';
import { startSubgraph, type AuditWriter, type JurisdictionIndex } from '@resident-graph/subgraph-kit';
import type { KeyLike } from '@resident-graph/trust';
import { buildChangesSchema } from './buildChangesSchema';
import { createChangesService, type ChangesSettings } from './changesService';
import { createChangeStore, prepareChangeStore } from './changeStore';
import { createDeliverer } from './deliverChange';
import { createDeliveryQueue, type DeliveryQueueSettings } from './deliveryQueue';
import type { GridDirectory } from './gridDirectory';
import { changesPolicy } from './permissions';

export interface StartChangesSubgraphOptions {
  port: number;
  host?: string;
  /** The street's PostgreSQL and the schema the reports and deliveries live in. */
  databaseUrl: string;
  schema: string;
  queue: Omit<DeliveryQueueSettings, 'databaseUrl'>;
  settings: ChangesSettings;
  /** Where residents are (the grid database): whose reach a report is in. */
  jurisdiction: JurisdictionIndex;
  grids: GridDirectory;
  audit: AuditWriter;
  /** Whether this process delivers the queued changes too. @default true */
  deliver?: boolean;
  /** @default the `gateway` public key in `TRUST_KEYS_DIR` */
  gatewayPublicKey?: KeyLike;
  /** The clock deadlines are set and lights read by. @default the system clock */
  now?: () => Date;
}

/** Every department some kind of change is delivered to: one queue each. */
export const DELIVERY_DEPARTMENTS: readonly string[] = [...new Set(CHANGE_KINDS.flatMap(departmentsFor))].sort();

/**
 * Serves `reportChange`, `changeReport` and `changeReports` through the gateway, and runs the
 * delivery workers: one pg-boss queue per department, each with its bounded concurrency.
 */
export async function startChangesSubgraph(options: StartChangesSubgraphOptions): Promise<RunningServer> {
  const logger = createLogger('subgraph-changes');
  await prepareChangeStore({ databaseUrl: options.databaseUrl, schema: options.schema });
  const store = createChangeStore({ databaseUrl: options.databaseUrl, schema: options.schema });
  const queue = await createDeliveryQueue({ ...options.queue, databaseUrl: options.databaseUrl }, DELIVERY_DEPARTMENTS, logger);
  if (options.deliver ?? true) await queue.work(createDeliverer(store, queue.enqueue, options.settings.departments, logger, options.now));
  const { schema } = await buildChangesSchema();
  const changes = createChangesService({ store, queue, grids: options.grids, audit: options.audit, logger, settings: options.settings, now: options.now });
  const running = await startSubgraph({
    name: 'changes',
    schema,
    port: options.port,
    host: options.host,
    context: async () => ({ changes }),
    adapters: [],
    jurisdiction: options.jurisdiction,
    policy: changesPolicy,
    audit: options.audit,
    gatewayPublicKey: options.gatewayPublicKey,
  });
  return {
    ...running,
    async close() {
      await running.close();
      await queue.close();
      await store.close();
    },
  };
}
