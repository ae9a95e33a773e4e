import type { GridAdapter } from '@resident-graph/adapter-grid';
import type { ResidentCategory, ResidentFact } from '@resident-graph/schemas';
import { toKeySet, type Pseudonymizer, type StatisticsSource } from '@resident-graph/subgraph-kit';
import { placementOf } from './placementOf';

/** The grid owns one fact, the survey's category; the route has refused any other before this runs. */
function categoryOf(fact: ResidentFact): ResidentCategory {
  if (fact.category != null) return fact.category;
  throw new Error(`the grid does not hold the fact ${Object.keys(fact).join(', ')}`);
}

/**
 * The grid's key sets, each question one query of its database: who carries each survey
 * category (over the whole street: the statistics service intersects with the placement),
 * and, when asked, where every resident of the analyst's jurisdiction lives — their
 * community if they have one, else their grids, else the whole street. Nobody outside
 * that jurisdiction is ever placed.
 */
export function gridKeySets(adapter: GridAdapter, pseudonymizer: () => Pseudonymizer): StatisticsSource {
  return {
    async keySets(query, analyst) {
      const categories = query.facts.map(categoryOf);
      const [{ members, unresolvedRecords }, placed] = await Promise.all([
        adapter.categoryMembers([...new Set(categories)]),
        query.placement ? adapter.placeResidents({ community: analyst.community, grids: analyst.grids }) : null,
      ]);
      const { keyOf } = pseudonymizer();
      return {
        facts: categories.map((category) => toKeySet(members.get(category)!.map(keyOf))),
        partitions: {},
        ...(placed && { placement: placementOf(placed, keyOf) }),
        unresolvedRecords,
      };
    },
  };
}
