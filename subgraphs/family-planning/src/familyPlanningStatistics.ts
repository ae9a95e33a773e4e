import type { FamilyPlanningAdapter } from '@resident-graph/adapter-family-planning';
import { storedIdStatistics, type Pseudonymizer, type StatisticsSource } from '@resident-graph/subgraph-kit';
import { childBirthWindow } from './childBirthWindow';

/** Family planning's fact for analysts' statistics, `hasChildUnder`, one `ListParentIdsByChildBirth` call to its SOAP service. */
export function familyPlanningStatistics(adapter: FamilyPlanningAdapter, pseudonymizer?: Pseudonymizer): StatisticsSource {
  return storedIdStatistics({
    department: 'family-planning',
    pseudonymizer,
    holdersOf: (fact, asOf) => {
      const { from, to } = childBirthWindow(asOf, fact.hasChildUnder!);
      return adapter.parentIdsByChildBirth(from, to);
    },
    storedIds: () => adapter.storedIds(),
  });
}
