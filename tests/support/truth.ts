import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TruthResident, TruthStreet } from '@resident-graph/schemas';

export function readTruth(dataDir: string): TruthResident[] {
  return readFileSync(path.join(dataDir, 'truth.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as TruthResident);
}

export function readStreet(dataDir: string): TruthStreet & { asOf: string } {
  return JSON.parse(readFileSync(path.join(dataDir, 'street.json'), 'utf8')) as TruthStreet & { asOf: string };
}
