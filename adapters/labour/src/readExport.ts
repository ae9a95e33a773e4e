import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { DepartmentError, InvalidIdIndex } from '@resident-graph/adapter-kit';
import { cleanCitizenId, normalizeCitizenId } from '@resident-graph/schemas';
import type { Logger } from '@resident-graph/service-kit';
import { INSURANCE_TYPE_BY_CODE, PAYMENT_STATUS_ACTIVE, PAYMENT_STATUS_SUSPENDED } from './bureauCodes';
import { EXPORT_COLUMNS, EXPORT_ENCODING, type ExportColumn } from './exportFormat';
import { LabourExport, type ExportCard, type InsuranceRow } from './LabourExport';

interface ExportRow {
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
function readRow(cells: string[], columns: ColumnPositions, width: number): ExportRow | string {
  if (cells.length !== width) return `expected ${width} fields, found ${cells.length}`;
  const cell = (column: ExportColumn) => cells[columns[column]] ?? '';
  const cardNumber = cell('cardNumber').trim();
  if (!/^\S+$/.test(cardNumber)) return 'no card number';
  const storedId = cell('citizenId');
  if (cleanCitizenId(storedId) === '') return 'no citizen ID';
  const typeCode = cell('insuranceType').trim();
  if (typeCode === '') return { cardNumber, storedId, name: cell('name').trim(), insurance: null };
  const insurance = readInsurance(typeCode, cell('paidMonths').trim(), cell('paymentStatus').trim());
  if (typeof insurance === 'string') return insurance;
  return { cardNumber, storedId, name: cell('name').trim(), insurance };
}

/**
 * Reads one export and indexes its cards by normalised citizen ID. A row that cannot be
 * read is logged, counted and skipped: one bad line must not hide the other residents.
 * Cards whose stored ID fails validation go to an `InvalidIdIndex`, never into the index.
 */
export async function readExport(file: string, logger: Logger): Promise<LabourExport> {
  const text = iconv.decode(await readFile(file), EXPORT_ENCODING);
  const name = path.basename(file);
  let malformedRows = 0;
  const reject = (line: number, reason: string) => {
    malformedRows++;
    logger.warn({ file: name, line, reason }, 'skipped malformed export row');
  };
  const parser = parse(text, {
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (error) => {
      reject(typeof error?.lines === 'number' ? error.lines : 0, error?.message ?? 'unreadable');
    },
  });

  let columns: ColumnPositions | undefined;
  let width = 0;
  let rows = 0;
  const cardsByCitizenId = new Map<string, Map<string, ExportCard>>();
  const invalid = new Map<string, ExportCard>();
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!columns) {
      columns = columnPositions(record, file);
      width = record.length;
      continue;
    }
    const row = readRow(record, columns, width);
    if (typeof row === 'string') {
      reject(info.lines, row);
      continue;
    }
    rows++;
    const normalized = normalizeCitizenId(row.storedId);
    // A card under an ID that fails validation names nobody: it is kept apart, by what it stores, for identity resolution to link.
    const cards = normalized.ok ? (cardsByCitizenId.get(normalized.id) ?? new Map<string, ExportCard>()) : invalid;
    if (normalized.ok) cardsByCitizenId.set(normalized.id, cards);
    const key = normalized.ok ? row.cardNumber : `${row.cardNumber}\u0000${row.storedId}`;
    const card = cards.get(key) ?? {
      cardNumber: row.cardNumber,
      storedId: row.storedId,
      nameOnRecord: row.name,
      legacy: normalized.ok && normalized.converted,
      insurance: [],
    };
    cards.set(key, card);
    if (row.insurance) card.insurance.push(row.insurance);
  }
  if (!columns) throw new DepartmentError('DEPARTMENT_BAD_RESPONSE', 'labour', `export ${name} is empty`);

  const index = new Map([...cardsByCitizenId].map(([citizenId, cards]) => [citizenId, [...cards.values()]]));
  const cardCount = [...index.values()].reduce((sum, cards) => sum + cards.length, 0) + invalid.size;
  const stats = { file, rows, cards: cardCount, malformedRows };
  logger.info({ ...stats, file: name, invalidIds: invalid.size }, 'labour export loaded');
  const unresolved = [...invalid.values()];
  const keys = unresolved.map((card) => ({ storedId: card.storedId, recordReference: card.cardNumber, nameOnRecord: card.nameOnRecord }));
  return new LabourExport(stats, index, new InvalidIdIndex('labour', keys), unresolved);
}
