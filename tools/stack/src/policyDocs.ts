import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PURPOSE_CODES } from '@resident-graph/trust';
import { renderPolicyTable, type PolicyTable } from '@resident-graph/subgraph-kit';
import { SUBGRAPHS } from '@resident-graph/registry';
import { REPO_ROOT } from './repoPaths';

export const POLICY_DOC = path.join(REPO_ROOT, 'docs', 'policy.md');

export interface SubgraphTable {
  subgraph: string;
  title: string;
  table: PolicyTable;
}

/** Every registered subgraph's policy table, in the registry's order. */
export async function policyTables(): Promise<SubgraphTable[]> {
  return Promise.all(SUBGRAPHS.map(async ({ name, title, load }) => ({ subgraph: name, title, table: (await load()).policy.table })));
}

/** The whole access policy as the subgraphs enforce it, rendered from their own tables. */
export async function renderPolicyDoc(): Promise<string> {
  const tables = await policyTables();
  const purposes = Object.entries(PURPOSE_CODES).map(([code, meaning]) => `| \`${code}\` | ${meaning} |`);
  return [
    '# Who may see what',
    '',
    "Generated from each subgraph's `src/permissions.ts` by `npm run docs:policy`; a test fails when this file",
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
    ...tables.map(({ title, table }) => renderPolicyTable(title, table)),
  ].join('\n');
}

async function main(): Promise<void> {
  const content = await renderPolicyDoc();
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

if (require.main === module) void main();
