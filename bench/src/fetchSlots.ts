import { fetchKey, planCost, type QueryPlan } from './queryPlan';
import type { SubgraphFetch } from './recordSubgraphFetches';
import type { GraphQLBody } from './workloads';

/** One fetch of a query plan across many operations: same subgraph, same query. */
export interface FetchSlot {
  key: string;
  /** `subgraph #n`, n counting that subgraph's fetches in the order the plan sends them. */
  name: string;
  subgraph: string;
  url: string;
  /** The fetch that starts the plan (no `_entities`). */
  root: boolean;
  bodies: GraphQLBody[];
}

export function fetchSlots(operations: SubgraphFetch[][]): FetchSlot[] {
  const slots = new Map<string, FetchSlot>();
  for (const fetch of operations.flat()) {
    const key = fetchKey(fetch.subgraph, fetch.body.query);
    let slot = slots.get(key);
    if (!slot) {
      const ordinal = [...slots.values()].filter((other) => other.subgraph === fetch.subgraph).length + 1;
      slot = {
        key,
        name: `${fetch.subgraph} #${ordinal}`,
        subgraph: fetch.subgraph,
        url: fetch.url,
        root: !fetch.body.query.includes('_entities'),
        bodies: [],
      };
      slots.set(key, slot);
    }
    slot.bodies.push(fetch.body);
  }
  return [...slots.values()];
}

/**
 * What the subgraphs alone cost, from the p50 of each fetch sent straight to its subgraph:
 * the yardstick (root fetch + slowest entity fetch) and the plan's critical path
 * (sequences add up, parallel groups take their slowest).
 */
export function directCost(plan: QueryPlan, slots: { key: string; root: boolean; p50: number }[]): { rootPlusSlowestEntity: number; criticalPath: number } {
  const p50 = new Map(slots.map((slot) => [slot.key, slot.p50]));
  const root = Math.max(...slots.filter((slot) => slot.root).map((slot) => slot.p50));
  const slowestEntity = Math.max(...slots.filter((slot) => !slot.root).map((slot) => slot.p50));
  return {
    rootPlusSlowestEntity: root + slowestEntity,
    criticalPath: plan.node ? planCost(plan.node, (key) => p50.get(key) ?? Number.NaN) : Number.NaN,
  };
}
