import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@resident-graph/stack';

/** Where suites leave what a person reads after a run (tables, screenshots); ignored by git. */
export const TEST_OUTPUT_DIR = path.join(REPO_ROOT, 'reports', 'tests');

export function writeTestOutput(name: string, content: string | Buffer): string {
  mkdirSync(TEST_OUTPUT_DIR, { recursive: true });
  const file = path.join(TEST_OUTPUT_DIR, name);
  writeFileSync(file, content);
  return file;
}
