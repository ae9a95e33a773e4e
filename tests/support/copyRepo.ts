import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A throw-away copy of the checkout: sources copied, `node_modules` hard-linked (fast, and
 * npm replaces rather than rewrites what it changes there), without `.git` and `.data`.
 * Workspace links in `node_modules` are relative, so the copy's point into the copy.
 */
export function copyRepo(repoRoot: string): { root: string; remove(): void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'resident-graph-copy-'));
  execFileSync('sh', ['-c', `tar -C "$1" --exclude=./.git --exclude=./.data --exclude='node_modules' -cf - . | tar -C "$2" -xf -`, 'sh', repoRoot, root]);
  for (const modules of nodeModulesFolders(repoRoot)) execFileSync('cp', ['-al', path.join(repoRoot, modules), path.join(root, modules)]);
  // npm rewrites its own lock inside node_modules in place: that one must not be a shared inode.
  rmSync(path.join(root, 'node_modules', '.package-lock.json'), { force: true });
  copyFileSync(path.join(repoRoot, 'node_modules', '.package-lock.json'), path.join(root, 'node_modules', '.package-lock.json'));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** `node_modules` at the root and in the workspaces, relative to the root. */
function nodeModulesFolders(repoRoot: string): string[] {
  const found = execFileSync('find', ['.', '-maxdepth', '3', '-name', 'node_modules', '-type', 'd', '-not', '-path', '*/node_modules/*'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return found.split('\n').filter(Boolean);
}
