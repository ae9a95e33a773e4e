import type { CivilAffairsAdapter } from '@resident-graph/adapter-civil-affairs';
import { storedIdStatistics, type StatisticsContext, type StatisticsSource } from '@resident-graph/subgraph-kit';

/** Civil affairs' facts for analysts' statistics, each one query of the bureau's database. */
export function civilAffairsStatistics(adapter: CivilAffairsAdapter, context: StatisticsContext = {}): StatisticsSource {
  return storedIdStatistics({
    department: 'civil-affairs',
    ...context,
    holdersOf: (fact, asOf) => (fact.receivesMinimumLivingAllowance ? adapter.allowanceRecipients(asOf) : adapter.disabilityHolders()),
    storedIds: () => adapter.storedIds(),
  });
}
