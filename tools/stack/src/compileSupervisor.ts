import { bundleEntry } from './bundleEntry';
import { BUILD_DIR } from './repoPaths';

/**
 * One-shot, under the TypeScript loader: compiles the stack's supervisor (`main.ts`) the way the
 * supervisor compiles every process it starts, and prints the bundle's path for
 * `scripts/start.cjs` to run.
 */
async function main(): Promise<void> {
  const bundle = await bundleEntry({ entry: 'tools/stack/src/main.ts', name: 'tools-stack-src-main', outDir: BUILD_DIR });
  process.stdout.write(`${bundle}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
