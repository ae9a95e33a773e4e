import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '@resident-graph/service-kit';
import { parseBenchOptions } from './benchOptions';
import { printReport } from './printReport';
import { runBench } from './runBench';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
// The bench counts calls per department system through the /__control/calls routes, which the
// stack it starts serves only when asked.
process.env.TEST_CONTROL_ROUTES = '1';

const logger = createLogger('bench');
const RESULTS_DIR = path.resolve(__dirname, '../results');

async function main(): Promise<void> {
  const report = await runBench(parseBenchOptions(process.argv.slice(2)), logger);
  process.stdout.write(`\n${printReport(report)}\n`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nwritten to ${path.relative(process.cwd(), file)}\n`);
}

main().catch((error: unknown) => {
  logger.error({ err: error }, 'benchmark failed');
  process.exitCode = 1;
});
