import type { Population, TruthResident } from '@resident-graph/schemas';
import { generatePopulation } from '../src';

let cached: Population | undefined;

/** The pilot population, generated once per test file; `GENERATOR_TEST_SEED` checks another seed than the default. */
export function pilot(): Population {
  const seed = process.env.GENERATOR_TEST_SEED;
  cached ??= generatePopulation({ preset: 'pilot', seed: seed === undefined ? undefined : Number(seed) });
  return cached;
}

/** Completed years between two ISO dates, computed independently of the generator's own helpers. */
export function age(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function share(residents: readonly TruthResident[], predicate: (resident: TruthResident) => boolean): number {
  return residents.filter(predicate).length / residents.length;
}
