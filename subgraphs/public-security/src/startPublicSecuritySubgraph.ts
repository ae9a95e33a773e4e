import type { PublicSecurityAdapter } from '@resident-graph/adapter-public-security';
import type { RunningServer } from '@resident-graph/service-kit';
import { startSubgraph, type JurisdictionIndex, type StartSubgraphOptions } from '@resident-graph/subgraph-kit';
import { buildPublicSecuritySchema } from './buildPublicSecuritySchema';
import { publicSecurityPolicy } from './permissions';
import { createPublicSecurityContext, type PublicSecurityContext } from './PublicSecurityContext';

export interface StartPublicSecuritySubgraphOptions extends Pick<StartSubgraphOptions<PublicSecurityContext>, 'port' | 'host' | 'audit' | 'gatewayPublicKey'> {
  adapter: PublicSecurityAdapter;
  /** Where residents and households are: what identity and household reads are checked against. */
  jurisdiction: JurisdictionIndex;
}

/** Serves public security's part of the graph under its policy table, every personal read audited. */
export async function startPublicSecuritySubgraph(options: StartPublicSecuritySubgraphOptions): Promise<RunningServer> {
  const { schema } = await buildPublicSecuritySchema();
  return startSubgraph({
    name: 'public-security',
    schema,
    port: options.port,
    host: options.host,
    context: async () => createPublicSecurityContext(options.adapter),
    adapters: [options.adapter],
    policy: publicSecurityPolicy,
    audit: options.audit,
    gatewayPublicKey: options.gatewayPublicKey,
    jurisdiction: options.jurisdiction,
  });
}
