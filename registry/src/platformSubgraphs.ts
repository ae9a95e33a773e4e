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
  {
    name: 'changes',
    title: 'reported changes (report once, delivered to every department that acts)',
    port: 4108,
    entry: 'subgraphs/changes/src/main.ts',
    // Reports and their deliveries in the street's database; each department's change routes beside its subgraph.
    env: ({ databaseUrl, departmentSubgraphUrls }) => ({
      CHANGES_DATABASE_URL: databaseUrl,
      CHANGES_DATABASE_SCHEMA: 'changes',
      CHANGES_DEPARTMENT_URLS: JSON.stringify(departmentSubgraphUrls),
    }),
    load: async () => {
      const module = await import('@resident-graph/subgraph-changes');
      return { buildSchema: module.buildChangesSchema, policy: module.changesPolicy };
    },
  },
];
