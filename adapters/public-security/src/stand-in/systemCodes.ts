import { GENDER_CODES, MARITAL_STATUS_CODES, RELATION_TO_HEAD_CODES, type Gender, type MaritalStatus, type RelationToHead } from '@resident-graph/schemas';

/** The first code a table gives a value: the code the system writes for it (e.g. `20` for married). */
function codesOf<T extends string>(table: Readonly<Record<string, T>>): (value: T) => string {
  const codes = new Map<T, string>();
  for (const [code, value] of Object.entries(table)) if (!codes.has(value)) codes.set(value, code);
  return (value) => codes.get(value)!;
}

export const sexCode: (gender: Gender) => string = codesOf(GENDER_CODES);
export const maritalStatusCode: (status: MaritalStatus) => string = codesOf(MARITAL_STATUS_CODES);
export const relationToHeadCode: (relation: RelationToHead) => string = codesOf(RELATION_TO_HEAD_CODES);

/** `YYYY-MM-DD` → `YYYYMMDD`, the system's date format. */
export const systemDate = (iso: string) => iso.replaceAll('-', '');
