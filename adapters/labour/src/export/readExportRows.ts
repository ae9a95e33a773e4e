import { createReadStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { DepartmentError } from '@resident-graph/adapter-kit';
import { cleanCitizenId } from '@resident-graph/schemas';
import { INSURANCE_TYPE_BY_CODE, PAYMENT_STATUS_ACTIVE, PAYMENT_STATUS_SUSPENDED } from '../bureauCodes';
import { EXPORT_COLUMNS, EXPORT_ENCODING, type ExportColumn } from '../exportFormat';
import type { InsuranceRow } from '../ExportCard';

/** One readable row of the export: a card and one of its insurances. */
export interface ExportRow {
  /** The file's line the row ends on. */
  line: number;
  cardNumber: string;
  storedId: string;
  name: string;
  /** `null` for a card listed without any insurance. */
  insurance: InsuranceRow | null;
}

type ColumnPositions = Record<ExportColumn, number>;

function columnPositions(header: string[], file: string): ColumnPositions {
  const cells = header.map((cell) => cell.trim());
  const positions = {} as ColumnPositions;
  for (const [column, title] of Object.entries(EXPORT_COLUMNS) as [ExportColumn, string][]) {
    const position = cells.indexOf(title);
    if (position < 0) throw new DepartmentError('DEPARTMENT_BAD_RESPONSE', 'labour', `export ${path.basename(file)} has no column ${title}`);
    positions[column] = position;
  }
  return positions;
}

function readInsurance(typeCode: string, months: string, status: string): InsuranceRow | string {
  const type = INSURANCE_TYPE_BY_CODE[typeCode];
  if (!type) return `unknown insurance type code "${typeCode}"`;
  if (!/^\d{1,4}$/.test(months)) return `paid months "${months}" is not a number`;
  if (status !== PAYMENT_STATUS_ACTIVE && status !== PAYMENT_STATUS_SUSPENDED) return `unknown payment status "${status}"`;
  return { type, paidMonths: Number(months), active: status === PAYMENT_STATUS_ACTIVE };
}

/** A row, or why it cannot be read. */
function readRow(cells: string[], line: number, columns: ColumnPositions, width: number): ExportRow | string {
  if (cells.length !== width) return `expected ${width} fields, found ${cells.length}`;
  const cell = (column: ExportColumn) => cells[columns[column]] ?? '';
  const cardNumber = cell('cardNumber').trim();
  if (!/^\S+$/.test(cardNumber)) return 'no card number';
  const storedId = cell('citizenId');
  if (cleanCitizenId(storedId) === '') return 'no citizen ID';
  const typeCode = cell('insuranceType').trim();
  if (typeCode === '') return { line, cardNumber, storedId, name: cell('name').trim(), insurance: null };
  const insurance = readInsurance(typeCode, cell('paidMonths').trim(), cell('paymentStatus').trim());
  if (typeof insurance === 'string') return insurance;
  return { line, cardNumber, storedId, name: cell('name').trim(), insurance };
}

/**
 * The rows of one export as the file is read, never the whole file at once. A row that
 * cannot be read goes to `onMalformed` and is skipped: one bad line must not hide the
 * other residents. A file without the export's columns is a bad response.
 */
export async function* readExportRows(file: string, onMalformed: (line: number, reason: string) => void): AsyncGenerator<ExportRow> {
  const csv = parse({
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (error) => {
      onMalformed(typeof error?.lines === 'number' ? error.lines : 0, error?.message ?? 'unreadable');
    },
  });
  // pipeline: a failure anywhere (a missing file, a stop part-way) closes the file too; the parser rejects with it.
  const parser = pipeline(createReadStream(file), iconv.decodeStream(EXPORT_ENCODING), csv, () => undefined);
  let columns: ColumnPositions | undefined;
  let width = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!columns) {
      columns = columnPositions(record, file);
      width = record.length;
      continue;
    }
    const row = readRow(record, info.lines, columns, width);
    if (typeof row === 'string') onMalformed(info.lines, row);
    else yield row;
  }
  if (!columns) throw new DepartmentError('DEPARTMENT_BAD_RESPONSE', 'labour', `export ${path.basename(file)} is empty`);
}
