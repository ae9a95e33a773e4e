import { AUDIENCES, type Access, type FieldAccess, type PolicyTable } from '../policy';

/**
 * What a subgraph's policy must be, written by hand from the design's rules (who may see
 * what, by role and jurisdiction) and kept apart from the table under test: a change to a
 * table fails its tests until someone changes this too, on purpose.
 */
export interface ExpectedAccess {
  /** Whose officers read as `own-officer`: the department that owns the subgraph. */
  department: string;
  /** Every field the subgraph serves, each audience's access; a field not listed is denied. */
  table: PolicyTable;
  /** Entity types whose fields are checked against the caller's jurisdiction. */
  jurisdictionChecked: readonly string[];
  /** Entity types whose reads are audited. */
  personalTypes: readonly string[];
}

const ACCESSES: readonly string[] = ['allow', 'jurisdiction', 'mask', 'deny'] satisfies Access[];

/**
 * Rows no table writes out: every subgraph answers federation's `_service` to every caller,
 * because composition reads it before anyone asks anything.
 */
const SUBGRAPH_ROWS = ['Query._service', '_Service.sdl'];

/**
 * And every section subgraph answers `_entities` and `Resident.id` to every caller: the
 * gateway's plan reaches a section only through them, and the key is what the caller sent.
 */
const SECTION_ROWS = ['Query._entities', 'Resident.id'];

/**
 * A table written as aligned text: a header line naming the six audiences in order, then
 * one line per field, `Type.field` and an access per audience; federation's `_service` rows
 * are implied. Blank lines and `#` comments are for the reader.
 */
export function accessTable(text: string): PolicyTable {
  return tableOf(text, SUBGRAPH_ROWS);
}

/**
 * What a section subgraph (one that adds a section to `Resident`) must allow: the rows
 * written, those every section implies, jurisdiction checked on `Resident` and its reads
 * audited.
 */
export function sectionAccess(department: string, text: string): ExpectedAccess {
  return {
    department,
    table: tableOf(text, [...SUBGRAPH_ROWS, ...SECTION_ROWS]),
    jurisdictionChecked: ['Resident', 'Mutation'],
    personalTypes: ['Resident', 'Mutation'],
  };
}

function tableOf(text: string, impliedRows: readonly string[]): PolicyTable {
  const [header, ...rows] = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(/\s+/));
  if (header?.join(' ') !== ['field', ...AUDIENCES].join(' ')) throw new Error(`an access table starts with: field ${AUDIENCES.join(' ')}`);
  const table: PolicyTable = {};
  const implied = impliedRows.map((row) => [row, ...AUDIENCES.map(() => 'allow')]);
  for (const [row, ...accesses] of [...implied, ...rows] as [string, ...string[]][]) {
    const [type, field, ...extra] = row.split('.');
    if (!type || !field || extra.length > 0 || accesses.length !== AUDIENCES.length || accesses.some((a) => !ACCESSES.includes(a))) {
      throw new Error(`not a row of an access table: ${[row, ...accesses].join(' ')}`);
    }
    table[type] ??= {};
    if (table[type][field]) throw new Error(impliedRows.includes(row) ? `${row} is implied: allowed to every audience` : `${row} is written twice`);
    table[type][field] = Object.fromEntries(AUDIENCES.map((audience, i) => [audience, accesses[i]])) as FieldAccess;
  }
  return table;
}

/** A table as lines a failing comparison shows side by side: `Type.field  access…`, sorted. */
export function accessLines(table: PolicyTable): string[] {
  return Object.entries(table)
    .flatMap(([type, fields]) =>
      Object.entries(fields).map(([field, access]) => `${type}.${field}  ${AUDIENCES.map((audience) => access[audience]).join(' ')}`),
    )
    .sort();
}
