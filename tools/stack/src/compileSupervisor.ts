import path from 'node:path';
import { z } from 'zod';
import { loadSettings } from '@resident-graph/service-kit';
import { bundleEntry } from './bundleEntry';
import { REPO_ROOT } from './repoPaths';

/**
 * One-shot, under the TypeScript loader: compiles the stack's supervisor (`main.ts`) the way the
 * supervisor compiles every process it starts, and prints the bundle's path for
 * `scripts/start.cjs` to run.
 */
async function main(): Promise<void> {
  const { WORK_DIR } = loadSettings('stack', { WORK_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data')) });
  const bundle = await bundleEntry({ entry: 'tools/stack/src/main.ts', name: 'tools-stack-src-main', outDir: path.join(WORK_DIR, 'build') });
  process.stdout.write(`${bundle}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
