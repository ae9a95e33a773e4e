import { bitmapOf, bitmapsReady, evaluate, positionsIn } from '../src/keySetAlgebra';
import type { Condition } from '../src/condition';

/** Keys spread over the whole 64-bit range (high halves equal and unequal), sorted as the wire carries them. */
function randomKeys(count: number, seed: number): BigUint64Array {
  let state = BigInt(seed);
  const keys = new Set<bigint>();
  while (keys.size < count) {
    state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    keys.add(keys.size % 5 === 0 ? (state & 0xffffffffn) | (7n << 32n) : state);
  }
  return BigUint64Array.from(keys).sort();
}

describe('combining key sets', () => {
  beforeAll(() => bitmapsReady);
  const universe = randomKeys(5_000, 1);
  const pick = (every: number, offset: number) => universe.filter((_, index) => index % every === offset);
  const outsiders = randomKeys(300, 2);
  const withOutsiders = (keys: BigUint64Array) => BigUint64Array.from([...keys, ...outsiders]).sort();

  it('finds each key of a set in the universe and drops keys outside it', () => {
    const set = withOutsiders(pick(3, 1));
    const positions = positionsIn(universe, set);
    const expected = [...universe.keys()].filter((index) => index % 3 === 1);
    expect([...positions]).toEqual(expected);
  });

  it('evaluates all, any and not (within the universe) as set algebra does', () => {
    const everyone = bitmapOf(Uint32Array.from(universe.keys()));
    const leaves = [pick(2, 0), pick(3, 0), pick(5, 0)].map((keys) => bitmapOf(positionsIn(universe, withOutsiders(keys))));
    const fact = (leaf: number): Condition => ({ kind: 'fact', owner: 'x', fact: {}, leaf });
    const condition: Condition = { kind: 'any', of: [{ kind: 'all', of: [fact(0), { kind: 'not', of: fact(1) }] }, fact(2)] };
    const result = evaluate(condition, leaves, everyone);
    const expected = [...universe.keys()].filter((index) => (index % 2 === 0 && index % 3 !== 0) || index % 5 === 0);
    expect([...result.toUint32Array()]).toEqual(expected);
    expect([...evaluate({ kind: 'everyone' }, leaves, everyone).toUint32Array()]).toHaveLength(universe.length);
    for (const bitmap of [everyone, result, ...leaves]) bitmap.dispose();
  });
});
