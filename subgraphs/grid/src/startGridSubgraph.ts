import type { GridAdapter } from '@resident-graph/adapter-grid';
import { startDepartmentSubgraph, type StartDepartmentSubgraphOptions } from '@resident-graph/subgraph-kit';
import { buildGridSchema } from './buildGridSchema';
import { createGridContext } from './GridContext';
import { gridPolicy } from './permissions';

export const startGridSubgraph = (options: StartDepartmentSubgraphOptions<GridAdapter>) =>
  startDepartmentSubgraph({ name: 'grid', buildSchema: buildGridSchema, createContext: createGridContext, policy: gridPolicy }, options);
