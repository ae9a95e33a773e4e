import type { DepartmentAdapter } from '@resident-graph/adapter-kit';
import type { LabourRecord } from '@resident-graph/adapter-labour';
import { startSubgraph, type AuditWriter } from '@resident-graph/subgraph-kit';
import type { RunningServer } from '@resident-graph/service-kit';
import type { KeyLike } from '@resident-graph/trust';
import { buildLabourSchema } from './buildLabourSchema';
import { createLabourContext } from './LabourContext';
import { labourPolicy } from './permissions';

export interface StartLabourSubgraphOptions {
  port: number;
  host?: string;
  adapter: DepartmentAdapter<LabourRecord>;
  /** Where each request that served personal data leaves its access entry. */
  audit: AuditWriter;
  /** @default the `gateway` public key in `TRUST_KEYS_DIR` */
  gatewayPublicKey?: KeyLike;
}

export async function startLabourSubgraph(options: StartLabourSubgraphOptions): Promise<RunningServer> {
  const { schema } = await buildLabourSchema();
  return startSubgraph({
    name: 'labour',
    schema,
    port: options.port,
    host: options.host,
    context: async () => createLabourContext(options.adapter),
    adapters: [options.adapter],
    policy: labourPolicy,
    audit: options.audit,
    gatewayPublicKey: options.gatewayPublicKey,
  });
}
