import { feasibleParts, partition } from '../src/partition';
import { Random } from '../src/random';

describe('partition', () => {
  it('splits a total exactly into parts within the bounds', () => {
    for (let seed = 0; seed < 50; seed++) {
      const random = new Random(seed, 'partition');
      const total = random.int(60, 5_000);
      const parts = feasibleParts(total, 30, 20, 40);
      const sizes = partition(random, total, parts, 20, 40);
      expect(sizes).toHaveLength(parts);
      expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(total);
      for (const size of sizes) {
        expect(size).toBeGreaterThanOrEqual(20);
        expect(size).toBeLessThanOrEqual(40);
      }
    }
  });

  it('refuses bounds that cannot hold the total', () => {
    expect(() => partition(new Random(1, 'partition'), 100, 2, 20, 40)).toThrow(RangeError);
  });
});
