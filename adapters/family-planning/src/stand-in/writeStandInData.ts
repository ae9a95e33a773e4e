import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Population } from '@resident-graph/schemas';
import { encodeJsxxXml } from '../jsxx/jsxxXml';
import { removeJournal } from './eventJournal';
import { standInDataFile } from './standInDataFile';
import { toJsxxPerson } from './toJsxxPerson';

/** Writes what the family-planning service holds on `population` under `outDir/family-planning/`, with no events applied yet. */
export async function writeStandInData(population: Population, outDir: string): Promise<void> {
  // Record numbers follow the population's order, so a seed gives the same numbers every time.
  const persons = population.residents.flatMap((resident, i) => toJsxxPerson(resident, `JS${String(i + 1).padStart(10, '0')}`) ?? []);
  const file = standInDataFile(outDir);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, encodeJsxxXml({ JSXX: { Person: persons } }, { pretty: true }));
  await removeJournal(outDir);
}
