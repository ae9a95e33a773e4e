import path from 'node:path';

/** Where this system's export and its change journal live under a data directory: one JSON record per line. */
export function dataFiles(dataDir: string) {
  const dir = path.join(dataDir, 'public-security');
  return { dir, persons: path.join(dir, 'rkxx.jsonl'), households: path.join(dir, 'hhxx.jsonl'), changes: path.join(dir, 'bgjl.jsonl') };
}
