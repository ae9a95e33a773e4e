const DAY_MS = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The birth dates, inclusive, of the children `childUnder(birthDate, asOf, years)`
 * (schemas) counts, for a service that filters by date range: born on or before `asOf`
 * and after the day that makes them `years` old at `asOf`. A child born on 29 February
 * has that birthday on 1 March in other years (as `fullYearsAt` compares month and day),
 * so when `asOf` is 29 February and the year `years` back has none, the window opens on 1 March.
 */
export function childBirthWindow(asOf: string, years: number): { from: string; to: string } {
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number];
  const birthday = Date.UTC(year - years, month - 1, day);
  const rolledOver = new Date(birthday).getUTCDate() !== day;
  return { from: isoOf(rolledOver ? birthday : birthday + DAY_MS), to: asOf };
}
