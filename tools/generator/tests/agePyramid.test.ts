import { age, pilot, share } from './pilot';

describe('age pyramid', () => {
  const { residents, asOf } = pilot();
  const ageOf = (birthDate: string) => age(birthDate, asOf);
  const between = (low: number, high: number) => share(residents, (resident) => ageOf(resident.birthDate) >= low && ageOf(resident.birthDate) < high);

  it('looks like a Chinese city: many 40–65, fewer children, a quarter or so elderly', () => {
    const children = between(0, 15);
    const middle = between(40, 65);
    const elderly = between(60, 200);
    expect(middle).toBeGreaterThan(0.3);
    expect(middle).toBeGreaterThan(2 * children);
    expect(children).toBeGreaterThan(0.07);
    expect(children).toBeLessThan(0.16);
    expect(elderly).toBeGreaterThan(0.18);
    expect(elderly).toBeLessThan(0.32);
  });

  it('has a long tail to 95+ and no resident born in the last three months', () => {
    expect(residents.some((resident) => ageOf(resident.birthDate) >= 95)).toBe(true);
    expect(between(80, 200)).toBeGreaterThan(0.02);
    expect(Math.max(...residents.map((resident) => ageOf(resident.birthDate)))).toBeLessThanOrEqual(105);
    const threeMonthsAgo = new Date(Date.parse(`${asOf}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10);
    expect(residents.every((resident) => resident.birthDate < threeMonthsAgo)).toBe(true);
  });

  it('has fewer people in each later band of old age', () => {
    const bands = [between(60, 70), between(70, 80), between(80, 90), between(90, 200)];
    for (let i = 1; i < bands.length; i++) expect(bands[i]).toBeLessThan(bands[i - 1]!);
  });
});
