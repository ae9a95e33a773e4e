import { WeightedPool, type Random } from './random';

/** Relative numbers alive at each age 60–102 in a Chinese city: many in their 60s, a long tail to 95+. */
const ELDERLY = new WeightedPool<number>(
  Array.from({ length: 43 }, (_, i): [number, number] => {
    const age = 60 + i;
    const weight = age < 70 ? 1 : age < 80 ? 0.85 : age < 85 ? 0.6 : age < 90 ? 0.38 : age < 95 ? 0.15 : 0.04;
    return [age, weight];
  }),
);

/** Children still living with their parents, by age: fewer small children, many young adults. */
const CHILD = new WeightedPool<number>(
  Array.from({ length: 36 }, (_, age): [number, number] => [age, age < 3 ? 0.3 : age < 10 ? 0.45 : age < 15 ? 0.6 : age < 26 ? 1 : 0.7]),
);

/** Youngest a resident can be: newborns of the last months are known to family planning only. */
const YOUNGEST_RESIDENT = 0.3;

const withFraction = (random: Random, age: number) => age + random.float();

export function elderlyAge(random: Random, minimum = 60): number {
  let age: number;
  do age = ELDERLY.draw(random);
  while (age < minimum);
  return withFraction(random, age);
}

/** Age of a child living with their parents, at most `oldest`. */
export function childAge(random: Random, oldest = 35): number {
  let age: number;
  do age = CHILD.draw(random);
  while (age > oldest);
  return Math.max(YOUNGEST_RESIDENT, withFraction(random, age));
}

/** Mother's age at a birth: younger in earlier generations. */
export function motherGap(random: Random, childAgeNow: number): number {
  return random.normal(childAgeNow > 25 ? 24.5 : childAgeNow > 12 ? 26.5 : 29.5, 3.2, 20, 42);
}

/** Husband's age minus wife's. */
export function spouseGap(random: Random): number {
  return random.normal(2.3, 2.6, -4, 12);
}

/** A younger or older sibling 1.5–9 years apart, never younger than a resident can be. */
export function siblingAge(random: Random, age: number): number {
  const gap = random.between(1.5, 9);
  return age - gap >= YOUNGEST_RESIDENT ? age - gap : age + gap;
}
