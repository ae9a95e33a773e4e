import { DepartmentError, InvalidIdIndex, legacyIdIssue, type DepartmentLookup, type StoredKey } from '@resident-graph/adapter-kit';
import { normalizeCitizenId, type ResidentCategory } from '@resident-graph/schemas';
import { CATEGORY_BY_LABEL, CATEGORY_LABELS } from './gridVocabulary';
import type { GridRecord } from './types';

/** One resident row of the grid database with where it lives, as the queries return it. */
export interface ResidentRow {
  id: number;
  storedId: string;
  nameOnRecord: string;
  householdId: string;
  address: string;
  buildingId: string;
  gridId: string;
  communityId: string;
  categories: string[];
}

const STRING_FIELDS = ['storedId', 'nameOnRecord', 'householdId', 'address', 'buildingId', 'gridId', 'communityId'] as const;

function badResponse(message: string): DepartmentError {
  return new DepartmentError('DEPARTMENT_BAD_RESPONSE', 'grid', message);
}

export function parseResidentRows(value: unknown): ResidentRow[] {
  if (!Array.isArray(value)) throw badResponse('resident rows are not a list');
  for (const row of value as Record<string, unknown>[]) {
    const wellFormed =
      typeof row === 'object' &&
      row !== null &&
      Number.isSafeInteger(row.id) &&
      STRING_FIELDS.every((field) => typeof row[field] === 'string') &&
      Array.isArray(row.categories) &&
      row.categories.every((category) => typeof category === 'string');
    if (!wellFormed) throw badResponse(`malformed resident row ${JSON.stringify(row)}`);
  }
  return value as ResidentRow[];
}

const CATEGORY_ORDER = Object.keys(CATEGORY_LABELS) as ResidentCategory[];

function toCategory(label: string): ResidentCategory {
  const category = CATEGORY_BY_LABEL.get(label);
  if (!category) throw badResponse(`unknown resident category "${label}"`);
  return category;
}

export function toGridRecord(row: ResidentRow): GridRecord {
  return {
    gridId: row.gridId,
    communityId: row.communityId,
    buildingId: row.buildingId,
    householdId: row.householdId,
    address: row.address,
    categories: row.categories.map(toCategory).sort((a, b) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b)),
  };
}

/** The department's own reference for a resident row, shown to staff in issues. */
/** A row's key as stored; the grid database has no reference of its own but the row. */
const storedKeyOf = (row: ResidentRow): StoredKey => ({ storedId: row.storedId, recordReference: `resident/${row.id}`, nameOnRecord: row.nameOnRecord });

export interface MatchedRow {
  /** Stored as a pre-1999 15-digit ID and converted. */
  converted: boolean;
  row: ResidentRow;
}

/**
 * Splits rows into those matched to a canonical citizen ID, grouped by it in row order,
 * and the unmatchable ones (ID fails validation). Matching is decided here, with exactly
 * the rules of `normalizeCitizenId`, not by the database's own key.
 */
export function matchRows(rows: readonly ResidentRow[]): { matched: Map<string, MatchedRow[]>; unmatchable: InvalidIdIndex } {
  const matched = new Map<string, MatchedRow[]>();
  const invalid: ResidentRow[] = [];
  for (const row of [...rows].sort((a, b) => a.id - b.id)) {
    const result = normalizeCitizenId(row.storedId);
    if (!result.ok) {
      invalid.push(row);
      continue;
    }
    const list = matched.get(result.id) ?? [];
    list.push({ converted: result.converted, row });
    matched.set(result.id, list);
  }
  const unmatchable = new InvalidIdIndex('grid', invalid.map(storedKeyOf));
  return { matched, unmatchable };
}

/** The lookup answer for one resident: its first row (lowest row id) and every issue. */
export function lookupOf(citizenId: string, matches: readonly MatchedRow[], unmatchable: InvalidIdIndex): DepartmentLookup<GridRecord> {
  const issues = matches.filter((match) => match.converted).map((match) => legacyIdIssue('grid', storedKeyOf(match.row)));
  issues.push(...unmatchable.issuesFor(citizenId));
  const first = matches[0];
  return { record: first ? toGridRecord(first.row) : null, issues };
}
