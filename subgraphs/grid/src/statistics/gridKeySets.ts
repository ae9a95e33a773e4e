import type { GridAdapter } from '@resident-graph/adapter-grid';
import { RESIDENT_CATEGORIES, type ResidentCategory, type ResidentFact } from '@resident-graph/schemas';
import { snapshot, type Placement, type Pseudonymizer, type StatisticsSource } from '@resident-graph/subgraph-kit';
import type { Caller } from '@resident-graph/trust';
import { placementOf } from './placementOf';

/** The grid owns one fact, the survey's category; the route has refused any other before this runs. */
function categoryOf(fact: ResidentFact): ResidentCategory {
  if (fact.category != null) return fact.category;
  throw new Error(`the grid does not hold the fact ${Object.keys(fact).join(', ')}`);
}

/** The whole street's placement, in key order, with each resident's survey categories as one bit each. */
interface StreetIndex {
  street: Placement;
  categories: Uint8Array;
  unresolvedRecords: number;
}

async function readStreet(adapter: GridAdapter, keys: Pseudonymizer): Promise<StreetIndex> {
  const [{ members, unresolvedRecords }, rows] = await Promise.all([
    adapter.categoryMembers(RESIDENT_CATEGORIES),
    adapter.placeResidents({ community: null, grids: [] }),
  ]);
  const street = placementOf(rows, keys.keyOf);
  const positionOf = new Map(Array.from(street.keys, (key, position) => [key, position]));
  const categories = new Uint8Array(street.keys.length);
  RESIDENT_CATEGORIES.forEach((category, bit) => {
    for (const citizenId of members.get(category) ?? []) {
      const position = positionOf.get(keys.keyOf(citizenId));
      if (position !== undefined) categories[position] = categories[position]! | (1 << bit);
    }
  });
  return { street, categories, unresolvedRecords };
}

/** Where the analyst's residents live: their community if they have one, else their grids, else the whole street. */
function placementFor({ street }: StreetIndex, analyst: Caller): Placement {
  const inScope = street.gridIds.map((gridId, grid) =>
    analyst.community !== null ? street.communityOfGrid[grid] === analyst.community : analyst.grids.length === 0 || analyst.grids.includes(gridId),
  );
  const gridIds = street.gridIds.filter((_, grid) => inScope[grid]);
  const newIndex = street.gridIds.map((gridId) => gridIds.indexOf(gridId));
  const positions: number[] = [];
  for (let position = 0; position < street.keys.length; position++) if (inScope[street.grid[position]!]) positions.push(position);
  return {
    keys: BigUint64Array.from(positions, (position) => street.keys[position]!),
    grid: Uint16Array.from(positions, (position) => newIndex[street.grid[position]!]!),
    household: Uint32Array.from(positions, (position) => street.household[position]!),
    gridIds,
    communityOfGrid: gridIds.map((gridId) => street.communityOfGrid[street.gridIds.indexOf(gridId)]!),
  };
}

/**
 * The grid's key sets, from one read of its database per `maxAgeMs` (two queries: every
 * placement, every category): who carries each survey category (over the whole street:
 * the statistics service intersects with the placement), and, when asked, where every
 * resident of the analyst's jurisdiction lives. Nobody outside that jurisdiction is ever placed.
 */
export function gridKeySets(adapter: GridAdapter, pseudonymizer: () => Pseudonymizer, maxAgeMs: number): StatisticsSource {
  const streetIndex = snapshot(maxAgeMs, () => readStreet(adapter, pseudonymizer()));
  return {
    async keySets(query, analyst) {
      const index = await streetIndex();
      const facts = query.facts.map((fact) => {
        const bit = 1 << RESIDENT_CATEGORIES.indexOf(categoryOf(fact));
        const positions: number[] = [];
        for (let position = 0; position < index.categories.length; position++) if (index.categories[position]! & bit) positions.push(position);
        return BigUint64Array.from(positions, (position) => index.street.keys[position]!);
      });
      return {
        facts,
        partitions: {},
        ...(query.placement && { placement: placementFor(index, analyst) }),
        unresolvedRecords: index.unresolvedRecords,
      };
    },
  };
}
