import type { PublicSecurityAdapter } from '@resident-graph/adapter-public-security';
import { startDepartmentSubgraph, type StartDepartmentSubgraphOptions } from '@resident-graph/subgraph-kit';
import { buildPublicSecuritySchema } from './buildPublicSecuritySchema';
import { publicSecurityPolicy } from './permissions';
import { createPublicSecurityContext } from './PublicSecurityContext';

/** Serves public security's part of the graph under its policy table, every personal read audited. */
export const startPublicSecuritySubgraph = (options: StartDepartmentSubgraphOptions<PublicSecurityAdapter>) =>
  startDepartmentSubgraph(
    { name: 'public-security', buildSchema: buildPublicSecuritySchema, createContext: createPublicSecurityContext, policy: publicSecurityPolicy },
    options,
  );
