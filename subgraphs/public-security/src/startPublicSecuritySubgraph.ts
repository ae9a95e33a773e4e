import type { PublicSecurityAdapter } from '@resident-graph/adapter-public-security';
import {
  pseudonymizerFromEnv,
  snapshotMaxAgeFromEnv,
  startDepartmentSubgraph,
  type DataQualityIndex,
  type JurisdictionIndex,
  type Pseudonymizer,
  type StartDepartmentSubgraphOptions,
} from '@resident-graph/subgraph-kit';
import { buildPublicSecuritySchema } from './buildPublicSecuritySchema';
import { publicSecurityPolicy } from './permissions';
import { createPublicSecurityContext } from './PublicSecurityContext';
import { publicSecurityKeySets } from './statistics/publicSecurityKeySets';

export type StartPublicSecuritySubgraphOptions = StartDepartmentSubgraphOptions<PublicSecurityAdapter> & {
  jurisdiction: JurisdictionIndex;
  /** Where the departments publish the issues `Resident.dataQualityIssues` lists beside public security's own. */
  dataQuality: DataQualityIndex;
  /** Turns citizen IDs into statistics keys. @default over `pseudonym.secret` in `TRUST_KEYS_DIR`, read on the first key-set request */
  pseudonymizer?: Pseudonymizer;
  /** How old the register's statistics index may be. @default `STATISTICS_SNAPSHOT_MAX_AGE_MS` (5 minutes) */
  statisticsMaxAgeMs?: number;
};

/**
 * Serves public security's part of the graph under its policy table, every personal read audited; identity and household reads are checked against `jurisdiction`.
 * Its facts for analysts' statistics are served as key sets.
 */
export function startPublicSecuritySubgraph(options: StartPublicSecuritySubgraphOptions) {
  let pseudonymizer = options.pseudonymizer;
  const keys = () => (pseudonymizer ??= pseudonymizerFromEnv('subgraph-public-security'));
  return startDepartmentSubgraph(
    {
      name: 'public-security',
      buildSchema: buildPublicSecuritySchema,
      createContext: (adapter) => createPublicSecurityContext(adapter, options.dataQuality),
      policy: publicSecurityPolicy,
      statistics: (adapter) => publicSecurityKeySets(adapter, keys, options.statisticsMaxAgeMs ?? snapshotMaxAgeFromEnv('subgraph-public-security')),
    },
    options,
  );
}
