import { DEPARTMENTS } from '@resident-graph/registry';
import { createLogger } from '@resident-graph/service-kit';
import { generatePopulation } from './generatePopulation';
import { parseCliArgs } from './parseCliArgs';
import { summarizePopulation } from './summarizePopulation';
import { writePopulation } from './writePopulation';

async function main(): Promise<void> {
  const log = createLogger('generator');
  const options = parseCliArgs(process.argv.slice(2));
  const started = performance.now();
  const population = generatePopulation(options);
  const generatedMs = Math.round(performance.now() - started);
  await writePopulation(population, options.out);
  for (const department of DEPARTMENTS) await (await department.loadStandInWriter())(population, options.out);
  log.info(
    {
      preset: options.preset,
      seed: options.seed,
      out: options.out,
      ...summarizePopulation(population),
      generatedMs,
      totalMs: Math.round(performance.now() - started),
    },
    'population written',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
