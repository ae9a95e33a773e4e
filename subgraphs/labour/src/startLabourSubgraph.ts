import type { DepartmentAdapter } from '@resident-graph/adapter-kit';
import type { LabourRecord } from '@resident-graph/adapter-labour';
import { startSubgraph } from '@resident-graph/subgraph-kit';
import type { RunningServer } from '@resident-graph/service-kit';
import { buildLabourSchema } from './buildLabourSchema';
import { createLabourContext } from './LabourContext';

export interface StartLabourSubgraphOptions {
  port: number;
  host?: string;
  adapter: DepartmentAdapter<LabourRecord>;
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
  });
}
