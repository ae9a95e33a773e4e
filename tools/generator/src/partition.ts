import type { Random } from './random';

/**
 * Splits `total` into `parts` random sizes, each within [min, max], summing exactly to
 * `total`. Throws when the bounds make that impossible, rather than bending them.
 */
export function partition(random: Random, total: number, parts: number, min: number, max: number): number[] {
  if (parts < 1 || total < parts * min || total > parts * max) {
    throw new RangeError(`cannot split ${total} into ${parts} parts of ${min}–${max}`);
  }
  const sizes = new Array<number>(parts).fill(min);
  let left = total - parts * min;
  const weights = sizes.map(() => random.between(0.6, 1.4));
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  for (let i = 0; i < parts; i++) {
    const share = Math.min(max - min, Math.floor(((total - parts * min) * weights[i]!) / weightSum));
    sizes[i]! += share;
    left -= share;
  }
  while (left > 0) {
    const i = random.int(0, parts - 1);
    if (sizes[i]! < max) {
      sizes[i]! += 1;
      left -= 1;
    }
  }
  return sizes;
}

/** The part count nearest `total / typical` for which `partition` with [min, max] is possible. */
export function feasibleParts(total: number, typical: number, min: number, max: number): number {
  const lowest = Math.max(1, Math.ceil(total / max));
  const highest = Math.max(lowest, Math.floor(total / min));
  return Math.min(highest, Math.max(lowest, Math.round(total / typical)));
}
