import path from 'node:path';

/**
 * Where this system's export lives under a data directory, and its change journal under its
 * state directory (by default beside the export): one JSON record per line.
 */
export function dataFiles(dataDir: string, stateDir?: string) {
  const dir = path.join(dataDir, 'public-security');
  return { dir, persons: path.join(dir, 'rkxx.jsonl'), households: path.join(dir, 'hhxx.jsonl'), changes: path.join(stateDir ?? dir, 'bgjl.jsonl') };
}
