import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const RESULTS_DIR = path.resolve(__dirname, '../results');

/** Keeps a run's report as `bench/results/<prefix><date>.json` (git-ignored) and says where. */
export function writeResult(report: { date: string }, prefix = ''): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${prefix}${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nwritten to ${path.relative(process.cwd(), file)}\n`);
}
