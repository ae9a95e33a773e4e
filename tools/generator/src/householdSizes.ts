import { MAX_HOUSEHOLD_SIZE } from './families';
import { WeightedPool, type Random } from './random';

/** Registered households average about three people; rented flats fewer (single workers, young couples). */
const PERMANENT_SIZES = new WeightedPool<number>([
  [1, 12],
  [2, 27],
  [3, 28],
  [4, 16],
  [5, 11],
  [6, 6],
]);
const FLOATING_SIZES = new WeightedPool<number>([
  [1, 30],
  [2, 28],
  [3, 30],
  [4, 10],
  [5, 2],
]);

/**
 * How many people live in each dwelling, summing exactly to `residents`: sizes are drawn
 * by kind of dwelling, then random dwellings grow or shrink by one until the total fits.
 */
export function householdSizes(random: Random, rented: readonly boolean[], residents: number): number[] {
  const sizes = rented.map((isRented) => (isRented ? FLOATING_SIZES : PERMANENT_SIZES).draw(random));
  let difference = residents - sizes.reduce((sum, size) => sum + size, 0);
  const largest = rented.reduce((sum, isRented) => sum + (isRented ? MAX_HOUSEHOLD_SIZE.floating : MAX_HOUSEHOLD_SIZE.permanent), 0);
  if (residents < rented.length || residents > largest) throw new RangeError(`${residents} residents do not fit ${rented.length} dwellings`);
  while (difference !== 0) {
    const i = random.int(0, sizes.length - 1);
    const max = rented[i] ? MAX_HOUSEHOLD_SIZE.floating : MAX_HOUSEHOLD_SIZE.permanent;
    const size = sizes[i]!;
    if (difference > 0 && size < max) {
      sizes[i] = size + 1;
      difference -= 1;
    } else if (difference < 0 && size > 1) {
      sizes[i] = size - 1;
      difference += 1;
    }
  }
  return sizes;
}
