import type { DepartmentAdapter } from '@resident-graph/adapter-kit';
import type { FamilyPlanningRecord } from '@resident-graph/adapter-family-planning';
import type { RunningServer } from '@resident-graph/service-kit';
import { startSubgraph, type AuditWriter } from '@resident-graph/subgraph-kit';
import type { KeyLike } from '@resident-graph/trust';
import { buildFamilyPlanningSchema } from './buildFamilyPlanningSchema';
import { createFamilyPlanningContext } from './FamilyPlanningContext';
import { familyPlanningPolicy } from './permissions';

export interface StartFamilyPlanningSubgraphOptions {
  port: number;
  host?: string;
  adapter: DepartmentAdapter<FamilyPlanningRecord>;
  /** Where each request that served personal data leaves its access entry. */
  audit: AuditWriter;
  /** @default the `gateway` public key in `TRUST_KEYS_DIR` */
  gatewayPublicKey?: KeyLike;
}

export async function startFamilyPlanningSubgraph(options: StartFamilyPlanningSubgraphOptions): Promise<RunningServer> {
  const { schema } = await buildFamilyPlanningSchema();
  return startSubgraph({
    name: 'family-planning',
    schema,
    port: options.port,
    host: options.host,
    context: async () => createFamilyPlanningContext(options.adapter),
    adapters: [options.adapter],
    policy: familyPlanningPolicy,
    audit: options.audit,
    gatewayPublicKey: options.gatewayPublicKey,
  });
}
