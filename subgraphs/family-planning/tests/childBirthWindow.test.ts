import { childUnder } from '@resident-graph/schemas';
import { childBirthWindow } from '../src/childBirthWindow';

const DAY_MS = 86_400_000;
const daysFrom = (start: string, count: number) =>
  Array.from({ length: count }, (_, i) => new Date(Date.parse(`${start}T00:00:00Z`) + i * DAY_MS).toISOString().slice(0, 10));

describe('childBirthWindow', () => {
  // Leap days on either side, the turn of a month and of a year.
  const asOfs = ['2024-02-29', '2025-02-28', '2025-03-01', '2026-06-30', '2026-12-31', '2027-01-01', '2028-02-29'];

  test.each(asOfs)('holds exactly the birth dates childUnder counts at %s', (asOf) => {
    for (const years of [1, 3, 4, 18]) {
      const { from, to } = childBirthWindow(asOf, years);
      const birthDates = daysFrom(`${Number(asOf.slice(0, 4)) - years - 1}-01-01`, (years + 3) * 366);
      const outOfStep = birthDates.filter((birthDate) => childUnder(birthDate, asOf, years) !== (birthDate >= from && birthDate <= to));
      expect({ years, outOfStep }).toEqual({ years, outOfStep: [] });
    }
  });
});
