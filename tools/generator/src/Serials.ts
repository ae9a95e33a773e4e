/** Running numbers for certificates and cases, one counter per kind, so every number is unique. */
export class Serials {
  private readonly counters = new Map<string, number>();

  /** `prefix` + year + a zero-padded running number, e.g. `DB2021000042`. */
  next(prefix: string, year: number | string, width = 6): string {
    const key = `${prefix}${year}`;
    const value = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, value);
    return `${key}${String(value).padStart(width, '0')}`;
  }
}
