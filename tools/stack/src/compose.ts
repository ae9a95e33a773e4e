import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, SUPERGRAPH_FILE } from './repoPaths';
import { composeSupergraph } from './composeSupergraph';

const SCHEMAS_DIR = path.join(REPO_ROOT, 'schemas');

/** The published files: each subgraph's SDL and the composed supergraph. */
export function publishedFiles(composed: Awaited<ReturnType<typeof composeSupergraph>>): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, sdl] of composed.subgraphSdls) files.set(path.join(SCHEMAS_DIR, 'subgraphs', `${name}.graphql`), sdl);
  files.set(SUPERGRAPH_FILE, composed.supergraphSdl);
  return files;
}

/** `npm run compose` writes them; `npm run compose -- --check` fails when they drifted. */
async function main(): Promise<void> {
  const files = publishedFiles(await composeSupergraph());
  if (process.argv.includes('--check')) {
    const drifted = [...files].filter(([file, content]) => {
      try {
        return readFileSync(file, 'utf8') !== content;
      } catch {
        return true;
      }
    });
    if (drifted.length > 0) {
      console.error(`out of date (run npm run compose): ${drifted.map(([file]) => path.relative(REPO_ROOT, file)).join(', ')}`);
      process.exit(1);
    }
    return;
  }
  mkdirSync(path.join(SCHEMAS_DIR, 'subgraphs'), { recursive: true });
  for (const [file, content] of files) writeFileSync(file, content);
  console.log(`wrote ${[...files.keys()].map((file) => path.relative(REPO_ROOT, file)).join(', ')}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
