import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './repoPaths';
import { runToCompletion } from './ChildService';

/** The console's package and its build, which the gateway serves at `/`. */
export const CONSOLE_PACKAGE_DIR = path.join(REPO_ROOT, 'console');
export const CONSOLE_DIST_DIR = path.join(CONSOLE_PACKAGE_DIR, 'dist');

function newestChange(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(entry)
      .filter((name) => name !== 'generated')
      .map((name) => newestChange(path.join(entry, name))),
  );
}

/** Whether dist/ is missing or older than the console's sources or the supergraph its operations are typed against. */
export function consoleBuildIsStale(): boolean {
  const index = path.join(CONSOLE_DIST_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const inputs = ['src', 'schema', 'index.html', 'vite.config.ts', 'scripts', 'package.json'].map((entry) => path.join(CONSOLE_PACKAGE_DIR, entry));
  return (
    Math.max(...inputs.filter((entry) => existsSync(entry)).map(newestChange), statSync(path.join(REPO_ROOT, 'schemas', 'supergraph.graphql')).mtimeMs) > built
  );
}

/**
 * Builds the console when its build is missing or stale (`npm install` builds it too), so
 * `npm start` serves it with no extra command. A few seconds; nothing when it is current.
 */
export async function buildConsoleIfStale(logDir: string): Promise<boolean> {
  if (!consoleBuildIsStale()) return false;
  await runToCompletion({ name: 'console-build', entry: path.join(CONSOLE_PACKAGE_DIR, 'scripts', 'build.mjs'), env: {}, logDir });
  return true;
}
