import { createLogger } from '@resident-graph/service-kit';
import { parseFootprintOptions } from './footprintOptions';
import { printFootprint } from './printFootprint';
import { runFootprint } from './runFootprint';
import { writeResult } from '../writeResult';

const logger = createLogger('footprint');

/** `npm run bench:footprint`: what `npm start` costs — time to ready, memory per process (docs/performance.md). */
async function main(): Promise<void> {
  const report = await runFootprint(parseFootprintOptions(process.argv.slice(2)), logger);
  process.stdout.write(`\n${printFootprint(report)}\n`);
  writeResult(report, 'footprint-');
}

main().catch((error: unknown) => {
  logger.error({ err: error }, 'footprint run failed');
  process.exitCode = 1;
});
