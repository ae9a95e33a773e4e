/**
 * The parts of Apollo's query plan the benchmark walks, described by shape (the gateway hands
 * its plan over as `@apollo/query-planner` types).
 */
export type PlanNode =
  { kind: 'Sequence' | 'Parallel'; nodes: PlanNode[] } | { kind: 'Flatten'; node: PlanNode } | { kind: 'Fetch'; serviceName: string; operation: string };

export interface QueryPlan {
  node?: PlanNode;
}

/** A fetch of the plan: which subgraph, asked what. */
export const fetchKey = (subgraph: string, query: string) => `${subgraph}\n${query}`;

function unsupported(node: { kind: string }): never {
  throw new Error(`query plan node ${node.kind} is not supported by the benchmark`);
}

/** Visits every fetch as the gateway runs them: a sequence in order, a parallel group at once. */
export async function walkPlan(node: PlanNode, visit: (key: string) => Promise<void>): Promise<void> {
  switch (node.kind) {
    case 'Fetch':
      return visit(fetchKey(node.serviceName, node.operation));
    case 'Flatten':
      return walkPlan(node.node, visit);
    case 'Sequence':
      for (const child of node.nodes) await walkPlan(child, visit);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => walkPlan(child, visit)));
      return;
    default:
      return unsupported(node);
  }
}

/** The plan's length when each fetch takes `cost(key)`: a sequence adds up, a parallel group takes its longest. */
export function planCost(node: PlanNode, cost: (key: string) => number): number {
  switch (node.kind) {
    case 'Fetch':
      return cost(fetchKey(node.serviceName, node.operation));
    case 'Flatten':
      return planCost(node.node, cost);
    case 'Sequence':
      return node.nodes.reduce((sum, child) => sum + planCost(child, cost), 0);
    case 'Parallel':
      return Math.max(0, ...node.nodes.map((child) => planCost(child, cost)));
    default:
      return unsupported(node);
  }
}
