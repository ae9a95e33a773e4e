import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '@resident-graph/service-kit';
import { parseFootprintOptions } from './footprintOptions';
import { printFootprint } from './printFootprint';
import { runFootprint } from './runFootprint';

const logger = createLogger('footprint');
const RESULTS_DIR = path.resolve(__dirname, '../../results');

/** `npm run bench:footprint`: what `npm start` costs — time to ready, memory per process (docs/performance.md). */
async function main(): Promise<void> {
  const report = await runFootprint(parseFootprintOptions(process.argv.slice(2)), logger);
  process.stdout.write(`\n${printFootprint(report)}\n`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `footprint-${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nwritten to ${path.relative(process.cwd(), file)}\n`);
}

main().catch((error: unknown) => {
  logger.error({ err: error }, 'footprint run failed');
  process.exitCode = 1;
});
