import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TruthResident } from '@resident-graph/schemas';
import { writePopulation } from '../src';
import { pilot } from './pilot';

describe('writePopulation', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'generator-write-'));
    await writePopulation(pilot(), join(dir, 'nested', 'out'));
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes one resident per line of truth.jsonl, in the population order', async () => {
    const text = await readFile(join(dir, 'nested', 'out', 'truth.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(pilot().residents.length);
    const parsed = lines.map((line) => JSON.parse(line) as TruthResident);
    expect(parsed.map((resident) => resident.id)).toEqual(pilot().residents.map((resident) => resident.id));
    expect(parsed[123]).toEqual(pilot().residents[123]);
  });

  it('writes street.json with the date beside the street', async () => {
    const street = JSON.parse(await readFile(join(dir, 'nested', 'out', 'street.json'), 'utf8'));
    expect(street).toEqual({ asOf: pilot().asOf, ...pilot().street });
  });
});
