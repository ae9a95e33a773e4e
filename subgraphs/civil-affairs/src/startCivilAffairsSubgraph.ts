import type { DepartmentAdapter } from '@resident-graph/adapter-kit';
import type { CivilAffairsRecord } from '@resident-graph/adapter-civil-affairs';
import type { RunningServer } from '@resident-graph/service-kit';
import { startSubgraph, type AuditWriter } from '@resident-graph/subgraph-kit';
import type { KeyLike } from '@resident-graph/trust';
import { buildCivilAffairsSchema } from './buildCivilAffairsSchema';
import { createCivilAffairsContext } from './CivilAffairsContext';
import { civilAffairsPolicy } from './permissions';

export interface StartCivilAffairsSubgraphOptions {
  port: number;
  host?: string;
  adapter: DepartmentAdapter<CivilAffairsRecord>;
  /** Where each request that served personal data leaves its access entry. */
  audit: AuditWriter;
  /** @default the `gateway` public key in `TRUST_KEYS_DIR` */
  gatewayPublicKey?: KeyLike;
}

export async function startCivilAffairsSubgraph(options: StartCivilAffairsSubgraphOptions): Promise<RunningServer> {
  const { schema } = await buildCivilAffairsSchema();
  return startSubgraph({
    name: 'civil-affairs',
    schema,
    port: options.port,
    host: options.host,
    context: async () => createCivilAffairsContext(options.adapter),
    adapters: [options.adapter],
    policy: civilAffairsPolicy,
    audit: options.audit,
    gatewayPublicKey: options.gatewayPublicKey,
  });
}
