import type { StatisticsDimension } from '@resident-graph/schemas';
import type { StatisticsUnit } from './statistics.types';

/** One dimension over the universe: per position an index into `values`, or NO_VALUE. */
export interface Column {
  dimension: StatisticsDimension;
  values: readonly string[];
  at: Uint16Array;
}
export const NO_VALUE = 0xffff;

/** A cell's true count and its cell key (the sum of its units' record keys, modulo RECORD_KEY_RANGE). */
export interface TrueCell {
  /** Per column, the index of the cell's value. */
  group: number[];
  count: number;
  cellKey: number;
}

export const RECORD_KEY_RANGE = 1 << 16;

export interface Units {
  unit: StatisticsUnit;
  /** The placed residents' pseudonymous keys: a resident's record key is read off theirs. */
  keys: BigUint64Array;
  /** Per position, the resident's dwelling (households are counted by it). */
  household: Uint32Array;
}

/**
 * Record keys: a resident's is the low bits of their pseudonymous key (already uniform: an
 * HMAC); a dwelling's the sum of all its members' in the universe — so a unit's key never
 * depends on the question, which is what keeps a cell's perturbation the same however it is
 * asked. Dwelling keys are made only when households are counted.
 */
function recordKeyOf(units: Units): (position: number) => number {
  const words = new Uint32Array(units.keys.buffer, units.keys.byteOffset, units.keys.length * 2);
  const residentKey = (position: number) => words[2 * position]! & (RECORD_KEY_RANGE - 1);
  if (units.unit === 'RESIDENTS') return residentKey;
  let dwellings = 0;
  for (const dwelling of units.household) dwellings = Math.max(dwellings, dwelling + 1);
  const dwellingKey = new Uint16Array(dwellings);
  for (let position = 0; position < units.keys.length; position++) {
    const dwelling = units.household[position]!;
    dwellingKey[dwelling] = (dwellingKey[dwelling]! + residentKey(position)) & (RECORD_KEY_RANGE - 1);
  }
  return (position) => dwellingKey[units.household[position]!]!;
}

/**
 * Counts the matching residents (or their dwellings: one that has any matching member)
 * in total and per combination of the columns' values. A resident with no value in a
 * column (public security holds no birth date for them, say) is in the total only.
 */
export function tabulate(matching: Uint32Array, columns: readonly Column[], units: Units): { total: TrueCell; cells: TrueCell[] } {
  const cells = new Map<string, TrueCell>();
  const total: TrueCell = { group: [], count: 0, cellKey: 0 };
  const seen = new Set<string>();
  const countedInTotal = new Set<number>();
  const recordKey = recordKeyOf(units);
  const add = (cell: TrueCell, key: number) => {
    cell.count++;
    cell.cellKey = (cell.cellKey + key) & (RECORD_KEY_RANGE - 1);
  };
  for (const position of matching) {
    const group = columns.map((column) => column.at[position]!);
    const dwelling = units.household[position]!;
    const key = recordKey(position);
    if (units.unit === 'RESIDENTS' || !countedInTotal.has(dwelling)) {
      countedInTotal.add(dwelling);
      add(total, key);
    }
    if (group.includes(NO_VALUE)) continue;
    const id = group.join(',');
    if (units.unit === 'HOUSEHOLDS') {
      const unitInCell = `${id}/${dwelling}`;
      if (seen.has(unitInCell)) continue;
      seen.add(unitInCell);
    }
    let cell = cells.get(id);
    if (!cell) cells.set(id, (cell = { group, count: 0, cellKey: 0 }));
    add(cell, key);
  }
  return { total, cells: [...cells.values()] };
}
