import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { checkSchemaChanges } from './checkSchemaChanges';
import { composeSupergraph } from './composeSupergraph';
import { REPO_ROOT } from './repoPaths';

export const RELEASED_DIR = path.join(REPO_ROOT, 'schemas', 'released');
export const CHANGELOG_DIR = path.join(REPO_ROOT, 'schemas', 'changelog');

/**
 * `npm run schema:check`: composes the supergraph, then compares each subgraph it composed
 * with `schemas/released/`; fails on a breaking change its changelog does not announce.
 * `-- --release` makes today's published SDL the released one.
 */
async function main(): Promise<void> {
  const { subgraphSdls } = await composeSupergraph();
  if (process.argv.includes('--release')) {
    for (const name of subgraphSdls.keys()) {
      copyFileSync(path.join(REPO_ROOT, 'schemas', 'subgraphs', `${name}.graphql`), path.join(RELEASED_DIR, `${name}.graphql`));
    }
    console.log(`released ${[...subgraphSdls.keys()].join(', ')}`);
    return;
  }
  const check = await checkSchemaChanges({ current: subgraphSdls, releasedDir: RELEASED_DIR, changelogDir: CHANGELOG_DIR });
  for (const change of check.dangerous) console.log(`dangerous  ${change.subgraph} ${change.path}: ${change.message}`);
  for (const change of check.announced) console.log(`announced  ${change.subgraph} ${change.path}: ${change.message}`);
  for (const change of check.refused) console.error(`BREAKING   ${change.subgraph} ${change.path}: ${change.message} (${change.why})`);
  if (check.refused.length > 0) {
    console.error(`schema:check: ${check.refused.length} breaking change(s); announce each in schemas/changelog/<subgraph>.json (docs/architecture.md)`);
    process.exit(1);
  }
  console.log(`schema:check: ${subgraphSdls.size} subgraphs compatible with schemas/released/`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
