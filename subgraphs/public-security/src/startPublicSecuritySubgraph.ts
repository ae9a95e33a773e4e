import type { PublicSecurityAdapter } from '@resident-graph/adapter-public-security';
import { startDepartmentSubgraph, type JurisdictionIndex, type StartDepartmentSubgraphOptions } from '@resident-graph/subgraph-kit';
import { buildPublicSecuritySchema } from './buildPublicSecuritySchema';
import { publicSecurityPolicy } from './permissions';
import { createPublicSecurityContext } from './PublicSecurityContext';

/** Serves public security's part of the graph under its policy table, every personal read audited; identity and household reads are checked against `jurisdiction`. */
export const startPublicSecuritySubgraph = (options: StartDepartmentSubgraphOptions<PublicSecurityAdapter> & { jurisdiction: JurisdictionIndex }) =>
  startDepartmentSubgraph(
    { name: 'public-security', buildSchema: buildPublicSecuritySchema, createContext: createPublicSecurityContext, policy: publicSecurityPolicy },
    options,
  );
