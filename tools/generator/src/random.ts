import seedrandom from 'seedrandom';

/** A pool of values with relative weights, compiled once for fast repeated draws. */
export class WeightedPool<T> {
  private readonly values: T[];
  private readonly cumulative: number[];

  constructor(entries: readonly (readonly [T, number])[]) {
    this.values = entries.map(([value]) => value);
    let total = 0;
    this.cumulative = entries.map(([, weight]) => (total += weight));
  }

  draw(random: Random): T {
    const target = random.float() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return this.values[low]!;
  }
}

/**
 * The only source of randomness in the generator. Each phase gets its own stream
 * (`seed:phase`), so changing how much one phase draws does not reshuffle the others.
 */
export class Random {
  private readonly next: () => number;

  constructor(seed: number, stream: string) {
    this.next = seedrandom.alea(`${seed}:${stream}`);
  }

  float(): number {
    return this.next();
  }

  /** Uniform real in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)]!;
  }

  /** Normal deviate (Box–Muller), clamped to [min, max]. */
  normal(mean: number, deviation: number, min: number, max: number): number {
    const u = 1 - this.next();
    const value = mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
    return Math.min(max, Math.max(min, value));
  }

  /** `count` distinct items, each more likely the heavier it is (Efraimidis–Spirakis: the largest u^(1/w)). */
  sampleWeighted<T>(items: readonly T[], weightOf: (item: T) => number, count: number): T[] {
    return items
      .map((item) => ({ item, key: Math.pow(this.next(), 1 / weightOf(item)) }))
      .sort((a, b) => b.key - a.key)
      .slice(0, count)
      .map(({ item }) => item);
  }

  shuffle<T>(values: T[]): T[] {
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [values[i], values[j]] = [values[j]!, values[i]!];
    }
    return values;
  }
}
