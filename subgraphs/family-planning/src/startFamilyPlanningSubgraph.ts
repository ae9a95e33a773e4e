import type { DepartmentAdapter } from '@resident-graph/adapter-kit';
import type { FamilyPlanningRecord } from '@resident-graph/adapter-family-planning';
import type { RunningServer } from '@resident-graph/service-kit';
import { startSubgraph } from '@resident-graph/subgraph-kit';
import { buildFamilyPlanningSchema } from './buildFamilyPlanningSchema';
import { createFamilyPlanningContext } from './FamilyPlanningContext';

export interface StartFamilyPlanningSubgraphOptions {
  port: number;
  host?: string;
  adapter: DepartmentAdapter<FamilyPlanningRecord>;
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
  });
}
