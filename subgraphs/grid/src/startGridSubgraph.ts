import type { GridAdapter } from '@resident-graph/adapter-grid';
import type { RunningServer } from '@resident-graph/service-kit';
import { startSubgraph } from '@resident-graph/subgraph-kit';
import { buildGridSchema } from './buildGridSchema';
import { createGridContext } from './GridContext';

export interface StartGridSubgraphOptions {
  port: number;
  host?: string;
  adapter: GridAdapter;
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
  });
}
