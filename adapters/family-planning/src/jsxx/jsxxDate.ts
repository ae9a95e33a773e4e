import { JsxxFormatError } from './JsxxFormatError';

/** `YYYY-MM-DD` → the system's `YYYYMMDD`. */
export const toJsxxDate = (isoDate: string): string => isoDate.replaceAll('-', '');

/** The system's `YYYYMMDD` → `YYYY-MM-DD`, refusing anything that is not a calendar date. */
export function fromJsxxDate(value: string, where: string): string {
  const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{8}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    throw new JsxxFormatError(`${where}: "${value}" is not a date (YYYYMMDD)`);
  }
  return iso;
}
