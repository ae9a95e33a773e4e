import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { KeySetAnswer, Placement } from '@resident-graph/subgraph-kit';
import { combineKeySets } from '@resident-graph/subgraph-statistics';

/** A city: ten districts' residents, in grids of ~480 and dwellings of ~3. */
export const CITY_RESIDENTS = 2_600_000;
const CITY_GRIDS = 5_400;

export interface CombineAtScale {
  keys: number;
  /** Median of three runs: key sets to bitmaps, the condition, counts per grid. */
  ms: number;
  cells: number;
  /** Bytes the keys and placement take in the statistics service, per resident. */
  bytesPerResident: number;
}

/** Independent samples: each seed draws its own residents (murmur3's finalizer over index and seed). */
function drawn(index: number, seed: number): number {
  let h = (index ^ Math.imul(seed, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}
const sample = (keys: BigUint64Array, share: number, seed: number) => keys.filter((_, index) => drawn(index, seed) < share);

/** The combining step alone, on synthetic keys: three facts (5 %, 3 %, 80 % of residents), grouped by grid. */
export async function combineAtCityScale(residents = CITY_RESIDENTS): Promise<CombineAtScale> {
  const random = randomBytes(residents * 8);
  const keys = new BigUint64Array(random.buffer, random.byteOffset, residents).slice().sort();
  const placement: Placement = {
    keys,
    grid: Uint16Array.from({ length: residents }, (_, index) => index % CITY_GRIDS),
    household: Uint32Array.from({ length: residents }, (_, index) => Math.floor(index / 3)),
    gridIds: Array.from({ length: CITY_GRIDS }, (_, index) => `G${String(index + 1).padStart(4, '0')}`),
    communityOfGrid: Array.from({ length: CITY_GRIDS }, (_, index) => `C${String(Math.floor(index / 12) + 1).padStart(3, '0')}`),
  };
  const facts: KeySetAnswer = { facts: [sample(keys, 0.05, 1), sample(keys, 0.03, 2), sample(keys, 0.8, 3)], partitions: {}, unresolvedRecords: 0 };
  const answers = new Map([['city', facts]]);
  const input = {
    condition: { kind: 'all' as const, of: [0, 1, 2].map((leaf) => ({ kind: 'fact' as const, owner: 'city', fact: {}, leaf })) },
    sources: [0, 1, 2].map((index) => ({ owner: 'city', index })),
    groupBy: ['GRID' as const],
    unit: 'RESIDENTS' as const,
  };
  const runs: number[] = [];
  let cells = 0;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    cells = (await combineKeySets(placement, answers, input)).cells.length;
    runs.push(performance.now() - started);
  }
  const bytes = keys.byteLength + placement.grid.byteLength + placement.household.byteLength + facts.facts.reduce((sum, set) => sum + set.byteLength, 0);
  return { keys: residents, ms: runs.sort((a, b) => a - b)[1]!, cells, bytesPerResident: bytes / residents };
}
