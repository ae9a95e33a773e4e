import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const SKIPPED = new Set(['node_modules', '.git', '.data']);

/** Every file of a checkout (outside node_modules, .git, .data) → a hash of its content. */
export function hashTree(root: string, folder = ''): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) for (const [inner, hash] of hashTree(root, file)) hashes.set(inner, hash);
    else if (entry.isFile())
      hashes.set(
        file,
        createHash('sha1')
          .update(readFileSync(path.join(root, file)))
          .digest('hex'),
      );
  }
  return hashes;
}

/** Files added, removed or changed between two hashings. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file)).sort();
}
