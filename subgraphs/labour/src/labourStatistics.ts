import type { LabourAdapter } from '@resident-graph/adapter-labour';
import { storedIdStatistics, type StatisticsContext, type StatisticsSource } from '@resident-graph/subgraph-kit';

/**
 * Labour's fact for analysts' statistics, `employmentStatus`, as the bureau holds it now:
 * the bureau keeps no history of statuses, so `asOf` does not change the answer. One call
 * to the bureau's status filter, its cards mapped to the IDs the nightly export stores.
 */
export function labourStatistics(adapter: LabourAdapter, context: StatisticsContext = {}): StatisticsSource {
  return storedIdStatistics({
    department: 'labour',
    ...context,
    holdersOf: (fact) => adapter.holdersOfStatus(fact.employmentStatus!),
    storedIds: () => adapter.storedIds(),
  });
}
