import { z } from 'zod';
import { createGridAdapter, DEFAULT_SCHEMA } from '@resident-graph/adapter-grid';
import { runDepartmentSubgraph } from '@resident-graph/subgraph-kit';
import { startGridSubgraph } from '.';

runDepartmentSubgraph({
  name: 'grid',
  defaultPort: 4105,
  settings: {
    GRID_DATABASE_URL: z.string().min(1),
    GRID_DATABASE_SCHEMA: z.string().min(1).default(DEFAULT_SCHEMA),
  },
  createAdapter: (settings, resilience) => createGridAdapter({ databaseUrl: settings.GRID_DATABASE_URL, schema: settings.GRID_DATABASE_SCHEMA, ...resilience }),
  start: startGridSubgraph,
});
