import { addYears, ageOn, toDay, toIsoDate } from '../src/dates';

describe('dates', () => {
  it('converts between ISO dates and day numbers exactly as the calendar does', () => {
    for (let day = -40_000; day <= 25_000; day += 7) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(toIsoDate(day)).toBe(iso);
      expect(toDay(iso)).toBe(day);
    }
  });

  it('adds years, moving 29 February to 1 March in common years', () => {
    expect(addYears('2000-02-29', 1)).toBe('2001-03-01');
    expect(addYears('2000-02-29', 4)).toBe('2004-02-29');
    expect(addYears('1946-07-01', 80)).toBe('2026-07-01');
  });

  it('counts completed years of age', () => {
    expect(ageOn('1966-06-30', '2026-06-30')).toBe(60);
    expect(ageOn('1966-07-01', '2026-06-30')).toBe(59);
    expect(ageOn('2004-02-29', addYears('2004-02-29', 22))).toBe(22);
    expect(ageOn('2004-02-29', '2026-02-28')).toBe(21);
  });
});
