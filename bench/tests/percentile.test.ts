import { percentile } from '../src/percentile';

describe('percentile', () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1);

  it('is the nearest rank', () => {
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([3, 7, 9], 50)).toBe(7);
    expect(percentile([3, 7, 9], 100)).toBe(9);
    expect(percentile([3, 7, 9], 0)).toBe(3);
  });

  it('is NaN without values', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});
