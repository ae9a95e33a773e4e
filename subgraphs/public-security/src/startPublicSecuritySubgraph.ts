import type { PublicSecurityAdapter } from '@resident-graph/adapter-public-security';
import type { RunningServer } from '@resident-graph/service-kit';
import { startSubgraph } from '@resident-graph/subgraph-kit';
import { buildPublicSecuritySchema } from './buildPublicSecuritySchema';
import { createPublicSecurityContext } from './PublicSecurityContext';

export interface StartPublicSecuritySubgraphOptions {
  port: number;
  host?: string;
  adapter: PublicSecurityAdapter;
}

export async function startPublicSecuritySubgraph(options: StartPublicSecuritySubgraphOptions): Promise<RunningServer> {
  const { schema } = await buildPublicSecuritySchema();
  return startSubgraph({
    name: 'public-security',
    schema,
    port: options.port,
    host: options.host,
    context: async () => createPublicSecurityContext(options.adapter),
    adapters: [options.adapter],
  });
}
