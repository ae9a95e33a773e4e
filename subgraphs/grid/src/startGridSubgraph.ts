import type { GridAdapter } from '@resident-graph/adapter-grid';
import type { RunningServer } from '@resident-graph/service-kit';
import { startSubgraph, type AuditWriter } from '@resident-graph/subgraph-kit';
import type { KeyLike } from '@resident-graph/trust';
import { buildGridSchema } from './buildGridSchema';
import { createGridContext } from './GridContext';
import { gridPolicy } from './permissions';

export interface StartGridSubgraphOptions {
  port: number;
  host?: string;
  adapter: GridAdapter;
  /** Where each request's access entry goes. */
  audit: AuditWriter;
  /** The key the gateway signs forwarded context with. @default the `gateway` public key in `TRUST_KEYS_DIR` */
  gatewayPublicKey?: KeyLike;
}

export async function startGridSubgraph(options: StartGridSubgraphOptions): Promise<RunningServer> {
  const { schema } = await buildGridSchema();
  return startSubgraph({
    name: 'grid',
    schema,
    port: options.port,
    host: options.host,
    context: async () => createGridContext(options.adapter),
    adapters: [options.adapter],
    policy: gridPolicy,
    audit: options.audit,
    gatewayPublicKey: options.gatewayPublicKey,
  });
}
