import type { AuditStore } from '@resident-graph/audit';
import type { RunningServer } from '@resident-graph/service-kit';
import { recordingAuditWriter, startSubgraph } from '@resident-graph/subgraph-kit';
import type { KeyLike } from '@resident-graph/trust';
import { buildAuditSchema } from './buildAuditSchema';
import { auditPolicy } from './permissions';

export interface StartAuditSubgraphOptions {
  port: number;
  host?: string;
  store: AuditStore;
  /** @default the `gateway` public key in `TRUST_KEYS_DIR` */
  gatewayPublicKey?: KeyLike;
}

export async function startAuditSubgraph(options: StartAuditSubgraphOptions): Promise<RunningServer> {
  const { schema } = await buildAuditSchema();
  return startSubgraph({
    name: 'audit',
    schema,
    port: options.port,
    host: options.host,
    context: async () => ({ store: options.store }),
    adapters: [],
    policy: auditPolicy,
    // The trail serves no resident record, so there is nothing of its own to audit.
    audit: recordingAuditWriter(),
    gatewayPublicKey: options.gatewayPublicKey,
  });
}
