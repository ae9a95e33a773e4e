import type { FamilyPlanningAdapter } from '@resident-graph/adapter-family-planning';
import { storedIdStatistics, type StatisticsContext, type StatisticsSource } from '@resident-graph/subgraph-kit';
import { childBirthWindow } from './childBirthWindow';

/** Family planning's fact for analysts' statistics, `hasChildUnder`, one `ListParentIdsByChildBirth` call to its SOAP service. */
export function familyPlanningStatistics(adapter: FamilyPlanningAdapter, context: StatisticsContext = {}): StatisticsSource {
  return storedIdStatistics({
    department: 'family-planning',
    ...context,
    holdersOf: (fact, asOf) => {
      const { from, to } = childBirthWindow(asOf, fact.hasChildUnder!);
      return adapter.parentIdsByChildBirth(from, to);
    },
    storedIds: () => adapter.storedIds(),
  });
}
