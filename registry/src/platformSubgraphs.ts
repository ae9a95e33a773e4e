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
];
