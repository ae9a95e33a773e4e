// The console's build: typed operations (codegen.mjs), then Vite into a staging folder that
// replaces dist/ whole, so a gateway starting meanwhile never reads half a build.
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

// A production build whatever the caller's environment says (jest sets NODE_ENV=test, which would bundle React's development build).
process.env.NODE_ENV = 'production';
const consoleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await import('./codegen.mjs');
const staging = path.join(consoleDir, `dist.building-${process.pid}`);
try {
  await build({ root: consoleDir, configFile: path.join(consoleDir, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: staging } });
  const dist = path.join(consoleDir, 'dist');
  if (existsSync(dist)) rmSync(dist, { recursive: true, force: true });
  try {
    renameSync(staging, dist);
  } catch (error) {
    // Another build (a second stack starting at the same moment) put its dist/ there first: the same sources, so that one serves.
    if (!existsSync(path.join(dist, 'index.html'))) throw error;
  }
} finally {
  rmSync(staging, { recursive: true, force: true });
}
