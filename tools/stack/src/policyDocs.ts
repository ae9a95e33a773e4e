import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PURPOSE_CODES } from '@resident-graph/trust';
import { renderPolicyTable, type PolicyTable } from '@resident-graph/subgraph-kit';
import { auditPolicy } from '@resident-graph/subgraph-audit';
import { civilAffairsPolicy } from '@resident-graph/subgraph-civil-affairs';
import { familyPlanningPolicy } from '@resident-graph/subgraph-family-planning';
import { gridPolicy } from '@resident-graph/subgraph-grid';
import { labourPolicy } from '@resident-graph/subgraph-labour';
import { publicSecurityPolicy } from '@resident-graph/subgraph-public-security';
import { REPO_ROOT } from './repoPaths';

export const POLICY_DOC = path.join(REPO_ROOT, 'docs', 'policy.md');

export interface SubgraphTable {
  subgraph: string;
  title: string;
  table: PolicyTable;
}

/** Every subgraph's policy table, in the order docs/policy.md gives them. */
export const POLICY_TABLES: SubgraphTable[] = [
  { subgraph: 'public-security', title: 'public security (identity, household)', table: publicSecurityPolicy.table },
  { subgraph: 'grid', title: 'grid (where residents live, rosters)', table: gridPolicy.table },
  { subgraph: 'civil-affairs', title: 'civil affairs', table: civilAffairsPolicy.table },
  { subgraph: 'family-planning', title: 'family planning', table: familyPlanningPolicy.table },
  { subgraph: 'labour', title: 'labour and social security', table: labourPolicy.table },
  { subgraph: 'audit', title: 'audit trail', table: auditPolicy.table },
];

/** The whole access policy as the subgraphs enforce it, rendered from their own tables. */
export function renderPolicyDoc(): string {
  const purposes = Object.entries(PURPOSE_CODES).map(([code, meaning]) => `| \`${code}\` | ${meaning} |`);
  return [
    '# Who may see what',
    '',
    'Generated from each subgraph\'s `src/permissions.ts` by `npm run docs:policy`; a test fails when this file',
    'and the tables differ. Columns are audiences: a department officer is `own-officer` in their own',
    "department's subgraph and `other-officer` elsewhere. `jurisdiction`: only inside the caller's grids /",
    'community / officer scope (from the grid database, never from the request), and only with a stated',
    'purpose; `mask`: likewise, citizen IDs and references masked; anything not listed is denied.',
    'Refusals answer `FORBIDDEN`, `OUT_OF_JURISDICTION` or `PURPOSE_REQUIRED` on the field.',
    '',
    '## Purposes (`X-Purpose: CODE[:reference]`)',
    '',
    '| code | meaning |',
    '|---|---|',
    ...purposes,
    '',
    ...POLICY_TABLES.map(({ title, table }) => renderPolicyTable(title, table)),
  ].join('\n');
}

if (require.main === module) {
  const content = renderPolicyDoc();
  if (process.argv.includes('--check')) {
    if (readFileSync(POLICY_DOC, 'utf8') !== content) {
      console.error('docs/policy.md is out of date: run npm run docs:policy');
      process.exit(1);
    }
  } else {
    writeFileSync(POLICY_DOC, content);
    console.log(`wrote ${path.relative(REPO_ROOT, POLICY_DOC)}`);
  }
}
