/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) in UTC, so output never depends on the
 * machine's time zone. A "day" is a count of days since 1970-01-01.
 */
const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));

/** Days from civil date (H. Hinnant's algorithm): plain arithmetic, far cheaper than `Date` parsing. */
export function toDay(isoDate: string): number {
  let year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  if (month <= 2) year -= 1;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function toIsoDate(day: number): string {
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad2(month)}-${pad2(dayOfMonth)}`;
}

/** The same calendar day `years` later; someone born on 29 February has birthdays on 1 March in common years. */
export function addYears(isoDate: string, years: number): string {
  const year = Number(isoDate.slice(0, 4)) + years;
  const monthDay = isoDate.slice(5);
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !isLeap ? '03-01' : monthDay}`;
}

/** Completed years of age on `onDate`. */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** The day a person of `ageYears` (fractional) at `asOfDay` was born. */
export function birthDayForAge(asOfDay: number, ageYears: number): number {
  return asOfDay - Math.round(ageYears * 365.2425);
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/** The day a person born on `birthDate` turns `years` old. */
export function dayAtAge(birthDate: string, years: number): number {
  return toDay(addYears(birthDate, years));
}

/** Sort order of ISO dates (plain code-unit order; `localeCompare` is needlessly slow here). */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
