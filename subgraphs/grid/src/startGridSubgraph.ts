import type { GridAdapter } from '@resident-graph/adapter-grid';
import {
  pseudonymizerFromEnv,
  snapshotMaxAgeFromEnv,
  startDepartmentSubgraph,
  type Pseudonymizer,
  type StartDepartmentSubgraphOptions,
} from '@resident-graph/subgraph-kit';
import { buildGridSchema } from './buildGridSchema';
import { createGridContext } from './GridContext';
import { gridPolicy } from './permissions';
import { gridKeySets } from './statistics/gridKeySets';

export type StartGridSubgraphOptions = StartDepartmentSubgraphOptions<GridAdapter> & {
  /** Turns citizen IDs into statistics keys. @default over `pseudonym.secret` in `TRUST_KEYS_DIR`, read on the first key-set request */
  pseudonymizer?: Pseudonymizer;
  /** How old the street's placement and categories may be when a question is answered. @default `STATISTICS_SNAPSHOT_MAX_AGE_MS` (5 minutes) */
  statisticsMaxAgeMs?: number;
};

/** Serves the grid database's part of the graph, and its survey categories and placement as statistics key sets. */
export function startGridSubgraph(options: StartGridSubgraphOptions) {
  let pseudonymizer = options.pseudonymizer;
  const keys = () => (pseudonymizer ??= pseudonymizerFromEnv('subgraph-grid'));
  return startDepartmentSubgraph(
    {
      name: 'grid',
      buildSchema: buildGridSchema,
      createContext: createGridContext,
      policy: gridPolicy,
      statistics: (adapter) => gridKeySets(adapter, keys, options.statisticsMaxAgeMs ?? snapshotMaxAgeFromEnv('subgraph-grid')),
    },
    options,
  );
}
