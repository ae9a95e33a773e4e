import type { DepartmentAdapter } from '@resident-graph/adapter-kit';
import type { CivilAffairsRecord } from '@resident-graph/adapter-civil-affairs';
import type { RunningServer } from '@resident-graph/service-kit';
import { startSubgraph } from '@resident-graph/subgraph-kit';
import { buildCivilAffairsSchema } from './buildCivilAffairsSchema';
import { createCivilAffairsContext } from './CivilAffairsContext';

export interface StartCivilAffairsSubgraphOptions {
  port: number;
  host?: string;
  adapter: DepartmentAdapter<CivilAffairsRecord>;
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
  });
}
