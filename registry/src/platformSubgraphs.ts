import path from 'node:path';
import type { SubgraphEntry } from './SubgraphEntry';

/** Subgraphs the street runs for itself, not for a department. */
export const PLATFORM_SUBGRAPHS: readonly SubgraphEntry[] = [
  {
    name: 'audit',
    title: 'audit trail',
    port: 4106,
    entry: 'subgraphs/audit/src/main.ts',
    env: ({ workDir }) => ({ AUDIT_ANCHOR_FILE: path.join(workDir, 'audit-anchors.jsonl') }),
    load: async () => {
      const module = await import('@resident-graph/subgraph-audit');
      return { buildSchema: module.buildAuditSchema, policy: module.auditPolicy };
    },
  },
  {
    name: 'statistics',
    title: 'statistics (analysts, aggregates only)',
    port: 4107,
    entry: 'subgraphs/statistics/src/main.ts',
    // Every department's subgraph: each question asks the owners of its facts for key sets there.
    env: ({ departmentSubgraphUrls }) => ({ STATISTICS_SOURCES: JSON.stringify(departmentSubgraphUrls) }),
    load: async () => {
      const module = await import('@resident-graph/subgraph-statistics');
      return { buildSchema: module.buildStatisticsSchema, policy: module.statisticsPolicy };
    },
  },
];
