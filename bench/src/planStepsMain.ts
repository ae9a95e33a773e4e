import { readFileSync } from 'node:fs';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';
import { SUPERGRAPH_FILE } from '@resident-graph/stack';
import { planCost, walkPlan, type PlanNode } from './queryPlan';
import { RESIDENT_QUERY, ROSTER_QUERY } from './workloads';

/**
 * `npm run bench:plan [-- SUPERGRAPH_FILE]`: the query plan of each benchmark workload —
 * how many fetches run one after another (the plan's depth) and how many in all — over the
 * checked-in supergraph or another one (an older commit's, say, for comparison).
 */
async function main(): Promise<void> {
  const file = process.argv[2] ?? SUPERGRAPH_FILE;
  const supergraph = Supergraph.build(readFileSync(file, 'utf8'));
  const planner = new QueryPlanner(supergraph);
  for (const [workload, query] of [
    ['resident', RESIDENT_QUERY],
    ['roster', ROSTER_QUERY],
  ] as const) {
    const plan = planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query)));
    const node = plan.node as PlanNode;
    let fetches = 0;
    await walkPlan(node, async () => {
      fetches += 1;
    });
    process.stdout.write(`${workload}: ${planCost(node, () => 1)} sequential steps, ${fetches} fetches (${file})\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
