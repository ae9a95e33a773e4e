import { DEPARTMENTS } from '@resident-graph/registry';
import { createLogger } from '@resident-graph/service-kit';
import { parseLoadOptions } from './load/loadOptions';
import { printLoadReport, runLoadRun } from './load/runLoadRun';
import { writeResult } from './writeResult';

process.env.APOLLO_TELEMETRY_DISABLED = '1';

const logger = createLogger('load');
/** Departments whose system is a process of its own: those the second run can kill. */
const KILLABLE = DEPARTMENTS.filter((department) => department.standIn.kind === 'server').map((department) => department.id);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const options = parseLoadOptions(args, KILLABLE);
  const report = await runLoadRun(options, ['npm run load', ...(args.length > 0 ? ['--', ...args] : [])].join(' '), logger);
  process.stdout.write(`\n${printLoadReport(report)}\n`);
  writeResult(report, 'load-');
}

main().catch((error: unknown) => {
  logger.error({ err: error }, 'load run failed');
  process.exitCode = 1;
});
