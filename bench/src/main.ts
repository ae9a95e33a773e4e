import { createLogger } from '@resident-graph/service-kit';
import { parseBenchOptions } from './benchOptions';
import { printReport } from './printReport';
import { runBench } from './runBench';
import { writeResult } from './writeResult';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
// The bench counts calls per department system through the /__control/calls routes, which the
// stack it starts serves only when asked.
process.env.TEST_CONTROL_ROUTES = '1';

const logger = createLogger('bench');

async function main(): Promise<void> {
  const report = await runBench(parseBenchOptions(process.argv.slice(2)), logger);
  process.stdout.write(`\n${printReport(report)}\n`);
  writeResult(report);
}

main().catch((error: unknown) => {
  logger.error({ err: error }, 'benchmark failed');
  process.exitCode = 1;
});
