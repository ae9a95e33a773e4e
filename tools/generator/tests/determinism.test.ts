import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEED, generatePopulation, writePopulation } from '../src';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function writtenHashes(seed: number): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'generator-'));
  dirs.push(dir);
  await writePopulation(generatePopulation({ preset: 'pilot', seed }), dir);
  const hash = async (file: string) =>
    createHash('sha256')
      .update(await readFile(join(dir, file)))
      .digest('hex');
  return { truth: await hash('truth.jsonl'), street: await hash('street.json') };
}

describe('determinism', () => {
  it('writes byte-identical files for the same seed', async () => {
    const first = await writtenHashes(DEFAULT_SEED);
    const second = await writtenHashes(DEFAULT_SEED);
    expect(second).toEqual(first);
  }, 60_000);

  it('writes different files for another seed', async () => {
    const base = await writtenHashes(7);
    const other = await writtenHashes(8);
    expect(other.truth).not.toBe(base.truth);
    expect(other.street).not.toBe(base.street);
  }, 60_000);

  it('uses the default seed when none is given', () => {
    const implicit = generatePopulation({ preset: 'pilot' });
    const explicit = generatePopulation({ preset: 'pilot', seed: DEFAULT_SEED });
    expect(implicit.residents.slice(0, 50)).toEqual(explicit.residents.slice(0, 50));
    expect(implicit.street.households.slice(0, 50)).toEqual(explicit.street.households.slice(0, 50));
  }, 60_000);
});
