import { writeStandInData as writeCivilAffairs } from '@resident-graph/adapter-civil-affairs/stand-in';
import { writeStandInData as writeFamilyPlanning } from '@resident-graph/adapter-family-planning/stand-in';
import { writeStandInData as writeGrid } from '@resident-graph/adapter-grid/stand-in';
import { writeStandInData as writeLabour } from '@resident-graph/adapter-labour/stand-in';
import { writeStandInData as writePublicSecurity } from '@resident-graph/adapter-public-security/stand-in';
import type { Department, Population } from '@resident-graph/schemas';
import { createLogger } from '@resident-graph/service-kit';
import { generatePopulation } from './generatePopulation';
import { parseCliArgs } from './parseCliArgs';
import { summarizePopulation } from './summarizePopulation';
import { writePopulation } from './writePopulation';

const WRITERS: Record<Department, (population: Population, outDir: string) => Promise<void>> = {
  'public-security': writePublicSecurity,
  'civil-affairs': writeCivilAffairs,
  'family-planning': writeFamilyPlanning,
  labour: writeLabour,
  grid: writeGrid,
};

async function main(): Promise<void> {
  const log = createLogger('generator');
  const options = parseCliArgs(process.argv.slice(2));
  const started = performance.now();
  const population = generatePopulation(options);
  const generatedMs = Math.round(performance.now() - started);
  await writePopulation(population, options.out);
  for (const write of Object.values(WRITERS)) await write(population, options.out);
  log.info(
    { preset: options.preset, seed: options.seed, out: options.out, ...summarizePopulation(population), generatedMs, totalMs: Math.round(performance.now() - started) },
    'population written',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
