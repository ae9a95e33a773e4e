import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { DepartmentRecordIdentity } from '../types';

/** The nightly exports' names: the newest by the date in it is the one the bureau holds now. */
const EXPORT_FILE = /^shebao_\d{8}\.csv$/;
/** The export's columns that identify a person (社保卡号, 公民身份号码, 姓名), found by title as the adapter finds them. */
const COLUMNS = { cardNumber: '社保卡号', storedId: '公民身份号码', name: '姓名' } as const;

/**
 * The labour bureau's cards (`labour/export/shebao_YYYYMMDD.csv`, GBK, the newest export, as
 * the adapter reads it): one record per stored ID, referenced by its first card number. A
 * row without a card number or an ID is the adapter's to report, not a record to match.
 */
export async function readLabourRecords(dataDir: string): Promise<DepartmentRecordIdentity[]> {
  const dir = path.join(dataDir, 'labour', 'export');
  const newest = (await readdir(dir))
    .filter((name) => EXPORT_FILE.test(name))
    .sort()
    .at(-1);
  if (newest === undefined) throw new Error(`${dir}: no shebao_YYYYMMDD.csv export`);
  const file = path.join(dir, newest);
  const [header, ...rows] = parse(iconv.decode(await readFile(file), 'gbk'), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  const position = (title: string) => {
    const found = (header ?? []).findIndex((cell) => cell.trim() === title);
    if (found < 0) throw new Error(`${file}: no column ${title}`);
    return found;
  };
  const [card, id, name] = [position(COLUMNS.cardNumber), position(COLUMNS.storedId), position(COLUMNS.name)];
  const byStoredId = new Map<string, DepartmentRecordIdentity>();
  for (const row of rows) {
    const storedId = row[id] ?? '';
    const cardNumber = (row[card] ?? '').trim();
    if (storedId.trim() === '' || cardNumber === '' || byStoredId.has(storedId)) continue;
    const nameOnRecord = (row[name] ?? '').trim();
    byStoredId.set(storedId, { department: 'labour', recordReference: cardNumber, storedId, nameOnRecord: nameOnRecord === '' ? null : nameOnRecord });
  }
  return [...byStoredId.values()];
}
