import type { Anchor, AuditStore } from '@resident-graph/audit';
import type { RunningServer } from '@resident-graph/service-kit';
import { startSubgraph, type AuditWriter } from '@resident-graph/subgraph-kit';
import type { KeyLike } from '@resident-graph/trust';
import { buildAuditSchema } from './buildAuditSchema';
import { auditPolicy } from './permissions';

export interface StartAuditSubgraphOptions {
  port: number;
  host?: string;
  store: AuditStore;
  /** The signed checkpoints `accessLogVerification` holds the trail against. @default none */
  anchors?: () => Promise<Anchor[]>;
  /** @default the `gateway` public key in `TRUST_KEYS_DIR` */
  gatewayPublicKey?: KeyLike;
}

// The trail serves no resident record, so nothing of its own is ever written; should a resolver
// start serving one, the read is refused (AUDIT_UNAVAILABLE) rather than left unaudited.
const nothingToAudit: AuditWriter = {
  write: () => Promise.reject(new Error('the audit subgraph keeps no trail of its own')),
};

export async function startAuditSubgraph(options: StartAuditSubgraphOptions): Promise<RunningServer> {
  const { schema } = await buildAuditSchema();
  return startSubgraph({
    name: 'audit',
    schema,
    port: options.port,
    host: options.host,
    context: async () => ({ store: options.store, anchors: options.anchors ?? (() => Promise.resolve([])) }),
    adapters: [],
    policy: auditPolicy,
    audit: nothingToAudit,
    gatewayPublicKey: options.gatewayPublicKey,
  });
}
