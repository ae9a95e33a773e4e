import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Population } from '@resident-graph/schemas';
import { CIVIL_AFFAIRS_TABLES, civilAffairsTables } from './civilAffairsTables';

/** Writes the bureau's rows under `outDir/civil-affairs/`, one JSON-lines file per table (`jzaj.jsonl` …). */
export async function writeStandInData(population: Population, outDir: string): Promise<void> {
  const dir = path.join(outDir, 'civil-affairs');
  await mkdir(dir, { recursive: true });
  const tables = civilAffairsTables(population);
  await Promise.all(
    CIVIL_AFFAIRS_TABLES.map((table) => writeFile(path.join(dir, `${table}.jsonl`), tables[table].map((row) => `${JSON.stringify(row)}\n`).join(''), 'utf8')),
  );
}
