import { NO_VALUE, tabulate, type Column } from '../src/tabulate';

describe('counting residents and households into cells', () => {
  // Six residents in three dwellings; a grid column and a gender column (resident 5 has no gender on record).
  const keys = BigUint64Array.from([1n, 2n, 3n, 4n, 5n, 6n]);
  const household = Uint32Array.from([0, 0, 1, 1, 1, 2]);
  const grid: Column = { dimension: 'GRID', values: ['G001', 'G002'], at: Uint16Array.from([0, 0, 0, 0, 0, 1]) };
  const gender: Column = { dimension: 'GENDER', values: ['MALE', 'FEMALE'], at: Uint16Array.from([0, 1, 0, 0, NO_VALUE, 1]) };
  const units = (unit: 'RESIDENTS' | 'HOUSEHOLDS') => ({ unit, keys, household });
  const byGroup = (cells: { group: number[]; count: number }[]) => Object.fromEntries(cells.map((cell) => [cell.group.join(','), cell.count]));

  it('counts residents per combination; one with no value is in the total only', () => {
    const { total, cells } = tabulate(Uint32Array.from([0, 1, 2, 3, 4, 5]), [grid, gender], units('RESIDENTS'));
    expect(total.count).toBe(6);
    expect(byGroup(cells)).toEqual({ '0,0': 3, '0,1': 1, '1,1': 1 });
  });

  it('counts a household once per cell its matching members fall in', () => {
    const { total, cells } = tabulate(Uint32Array.from([0, 1, 2, 3, 5]), [gender], units('HOUSEHOLDS'));
    expect(total.count).toBe(3);
    expect(byGroup(cells)).toEqual({ '0': 2, '1': 2 });
  });

  it('keys a household cell by all its members, whichever of them matched', () => {
    const all = tabulate(Uint32Array.from([2, 3, 4]), [], units('HOUSEHOLDS')).total;
    const one = tabulate(Uint32Array.from([3]), [], units('HOUSEHOLDS')).total;
    expect(one).toEqual(all);
  });
});
