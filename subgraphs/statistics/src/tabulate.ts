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
  /** Per position, the resident's dwelling (households are counted by it). */
  household: Uint32Array;
  /** Per position, the resident's record key; per dwelling, the sum of its members' (see recordKeys). */
  residentKey: Uint16Array;
  householdKey: Map<number, number>;
}

/**
 * Each resident's record key, from their pseudonymous key (already uniform: an HMAC), and
 * each dwelling's, from all its members in the universe — so a unit's key never depends on
 * the question, which is what keeps the perturbation of a cell the same however it is asked.
 */
export function recordKeys(keys: BigUint64Array, household: Uint32Array): { residentKey: Uint16Array; householdKey: Map<number, number> } {
  const words = new Uint32Array(keys.buffer, keys.byteOffset, keys.length * 2);
  const residentKey = new Uint16Array(keys.length);
  const householdKey = new Map<number, number>();
  for (let position = 0; position < keys.length; position++) {
    const key = words[2 * position]! & (RECORD_KEY_RANGE - 1);
    residentKey[position] = key;
    const dwelling = household[position]!;
    householdKey.set(dwelling, ((householdKey.get(dwelling) ?? 0) + key) & (RECORD_KEY_RANGE - 1));
  }
  return { residentKey, householdKey };
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
  const add = (cell: TrueCell, key: number) => {
    cell.count++;
    cell.cellKey = (cell.cellKey + key) & (RECORD_KEY_RANGE - 1);
  };
  for (const position of matching) {
    const group = columns.map((column) => column.at[position]!);
    const dwelling = units.household[position]!;
    const key = units.unit === 'RESIDENTS' ? units.residentKey[position]! : units.householdKey.get(dwelling)!;
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
