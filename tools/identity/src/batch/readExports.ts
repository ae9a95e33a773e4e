import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { DepartmentRecordIdentity, RegisteredResident } from '../types';

async function* jsonLines<T>(file: string, row: z.ZodType<T>): AsyncGenerator<T> {
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    const parsed = row.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${lineNumber}: ${parsed.error.issues[0]?.message ?? 'unreadable row'}`);
    yield parsed.data;
  }
}

/** The household register's person export (`public-security/rkxx.jsonl`), in the register's own field names. */
const RegisterRow = z.object({
  GMSFHM: z.string(),
  XM: z.string(),
  XB: z.enum(['1', '2']),
  CSRQ: z.string().regex(/^\d{8}$/),
  HH: z.string(),
  HJDZ: z.string(),
});

/** The household register's export under the data folder. */
export const REGISTER_EXPORT = 'public-security/rkxx.jsonl';

/** Every resident of the household register's export, as the matcher holds them. */
export async function readRegister(dataDir: string): Promise<RegisteredResident[]> {
  const residents: RegisteredResident[] = [];
  for await (const row of jsonLines(path.join(dataDir, REGISTER_EXPORT), RegisterRow)) {
    residents.push({
      id: row.GMSFHM,
      name: row.XM,
      gender: row.XB === '1' ? 'MALE' : 'FEMALE',
      birthDate: `${row.CSRQ.slice(0, 4)}-${row.CSRQ.slice(4, 6)}-${row.CSRQ.slice(6)}`,
      householdId: row.HH === '' ? null : row.HH,
      address: row.HJDZ,
    });
  }
  return residents;
}

/**
 * The civil-affairs bureau's tables that name a person (`civil-affairs/<table>.jsonl`, as its
 * database is loaded): each row's stored ID, name and the bureau's reference for the row.
 * A marriage registration names two people; a party whose ID the bureau never had is skipped.
 */
const CIVIL_AFFAIRS_PEOPLE: { table: string; reference: string; people: [id: string, name: string][] }[] = [
  { table: 'jzcy', reference: 'ajbh', people: [['sfzh', 'xm']] },
  { table: 'cjrz', reference: 'czh', people: [['sfzh', 'xm']] },
  { table: 'gljt', reference: 'ffbh', people: [['sfzh', 'xm']] },
  { table: 'yfdx', reference: 'yfzh', people: [['sfzh', 'xm']] },
  {
    table: 'hydj',
    reference: 'djzh',
    people: [
      ['nfsfzh', 'nfxm'],
      ['nvsfzh', 'nvxm'],
    ],
  },
];
const TableRow = z.record(z.string(), z.unknown());

/** Every record of the civil-affairs export, one per person named in a row; a person's several rows under one stored ID count once. */
export async function readCivilAffairsRecords(dataDir: string): Promise<DepartmentRecordIdentity[]> {
  const byStoredId = new Map<string, DepartmentRecordIdentity>();
  for (const { table, reference, people } of CIVIL_AFFAIRS_PEOPLE) {
    for await (const row of jsonLines(path.join(dataDir, 'civil-affairs', `${table}.jsonl`), TableRow)) {
      for (const [idField, nameField] of people) {
        const storedId = row[idField];
        if (typeof storedId !== 'string' || byStoredId.has(storedId)) continue;
        const name = row[nameField];
        byStoredId.set(storedId, {
          department: 'civil-affairs',
          recordReference: String(row[reference]),
          storedId,
          nameOnRecord: typeof name === 'string' ? name : null,
        });
      }
    }
  }
  return [...byStoredId.values()];
}
