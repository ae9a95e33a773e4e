import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Population } from '@resident-graph/schemas';

const LINES_PER_WRITE = 500;

/**
 * Writes `truth.jsonl` (one resident per line, in the population's order) and `street.json`
 * (`{ asOf, ...street }`) into `dir`. The truth file is streamed in batches of lines, so
 * the district's quarter of a million residents never become one huge string.
 */
export async function writePopulation(population: Population, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'street.json'), `${JSON.stringify({ asOf: population.asOf, ...population.street }, null, 2)}\n`);

  const truth = createWriteStream(join(dir, 'truth.jsonl'));
  const failed = once(truth, 'error').then(([error]) => Promise.reject(error as Error));
  const { residents } = population;
  for (let start = 0; start < residents.length; start += LINES_PER_WRITE) {
    let chunk = '';
    for (const resident of residents.slice(start, start + LINES_PER_WRITE)) chunk += `${JSON.stringify(resident)}\n`;
    if (!truth.write(chunk)) await Promise.race([once(truth, 'drain'), failed]);
  }
  truth.end();
  await Promise.race([once(truth, 'finish'), failed]);
}
