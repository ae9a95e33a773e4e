import { perturb, publish, suppressedCells } from '../src/disclosureControl';
import type { TrueCell } from '../src/tabulate';

const cell = (group: number[], count: number, cellKey = 0): TrueCell => ({ group, count, cellKey });
const settings = { threshold: 10, perturbationBound: 2 };
const QUESTION = 0x5eed;

describe('cell-key perturbation', () => {
  const cells = Array.from({ length: 5_000 }, (_, index) => cell([], 10 + (index % 300), (index * 7919) % 65_536));

  it('keeps every published count within the bound and never below the threshold', () => {
    for (const one of cells) {
      const published = perturb(one, settings, QUESTION);
      expect(Math.abs(published - one.count)).toBeLessThanOrEqual(settings.perturbationBound);
      expect(published).toBeGreaterThanOrEqual(settings.threshold);
    }
  });

  it('moves counts both ways, about evenly: the noise has no drift an analyst could subtract', () => {
    const noise = cells.map((one) => perturb(one, settings, QUESTION) - one.count).filter((_, index) => cells[index]!.count >= 12);
    for (const value of [-2, -1, 0, 1, 2]) expect(noise.filter((n) => n === value).length / noise.length).toBeGreaterThan(0.15);
    expect(Math.abs(noise.reduce((sum, n) => sum + n, 0) / noise.length)).toBeLessThan(0.1);
  });

  it('gives the same cell the same count every time, and a cell one person apart other noise', () => {
    const one = cell([], 57, 4_242);
    expect(new Set(Array.from({ length: 100 }, () => perturb(one, settings, QUESTION))).size).toBe(1);
    const neighbours = Array.from({ length: 200 }, (_, key) => perturb(cell([], 57, key), settings, QUESTION) - 57);
    expect(new Set(neighbours).size).toBe(5);
  });

  it('gives the same residents other noise in another question, so equal answers do not say the sets are equal', () => {
    const one = cell([], 57, 4_242);
    const answers = Array.from({ length: 200 }, (_, question) => perturb(one, settings, question) - 57);
    expect(new Set(answers).size).toBe(5);
    expect(answers.filter((noise) => noise === 0).length / answers.length).toBeLessThan(0.35);
  });

  it('publishes true counts with a bound of 0, and 0 as 0', () => {
    expect(perturb(cell([], 57, 4_242), { threshold: 10, perturbationBound: 0 }, QUESTION)).toBe(57);
    expect(perturb(cell([], 0, 4_242), settings, QUESTION)).toBe(0);
  });
});

describe('suppression', () => {
  it('withholds a small cell and, in a one-way table, the smallest other so the total does not give it away', () => {
    const cells = [cell([0], 40), cell([1], 3), cell([2], 25), cell([3], 90)];
    expect([...suppressedCells(cells, 10)].map((one) => one.group)).toEqual([[1], [2]]);
  });

  it('leaves a table with no small cell alone, and one with two small cells needs no partner', () => {
    expect(suppressedCells([cell([0], 40), cell([1], 12)], 10).size).toBe(0);
    expect([...suppressedCells([cell([0], 4), cell([1], 12), cell([2], 2)], 10)].map((one) => one.group)).toEqual([[0], [2]]);
  });

  it('leaves no line of a two-way table with exactly one withheld cell', () => {
    // grid × gender: (1, 1) is small; its row and its column each need a partner, and those partners' lines in turn.
    const cells = [cell([0, 0], 50), cell([0, 1], 48), cell([1, 0], 30), cell([1, 1], 4), cell([2, 0], 22), cell([2, 1], 61)];
    const hidden = suppressedCells(cells, 10);
    for (const dimension of [0, 1]) {
      const lines = new Map<string, number>();
      for (const one of cells) {
        const line = String(one.group[1 - dimension]);
        lines.set(line, (lines.get(line) ?? 0) + (hidden.has(one) ? 1 : 0));
      }
      for (const count of lines.values()) expect(count === 0 || count >= 2).toBe(true);
    }
    expect(hidden.has(cells[3]!)).toBe(true);
    expect(hidden.size).toBe(4);
  });

  it('publishes a count of exactly the threshold, and an empty total as 0', () => {
    expect(suppressedCells([cell([0], 10), cell([1], 40)], 10).size).toBe(0);
    expect(publish(cell([], 0), [], settings, QUESTION).total).toEqual({ group: [], count: 0, suppressed: false });
  });

  it('checks every line of a three-way table, along each dimension, until none has one withheld cell', () => {
    // community × gender × population type, one small cell: its partners' own lines need partners in turn.
    const cells: TrueCell[] = [];
    for (const community of [0, 1, 2])
      for (const gender of [0, 1]) for (const type of [0, 1]) cells.push(cell([community, gender, type], 20 + community * 7 + gender * 3 + type));
    cells.find((one) => one.group.join() === '1,0,1')!.count = 3;
    const hidden = suppressedCells(cells, 10);
    for (const dimension of [0, 1, 2]) {
      const lines = new Map<string, number[]>();
      for (const one of cells) {
        const line = one.group.filter((_, index) => index !== dimension).join();
        lines.set(line, [...(lines.get(line) ?? []), hidden.has(one) ? 1 : 0]);
      }
      for (const [line, flags] of lines)
        expect({ dimension, line, hidden: flags.reduce((sum, flag) => sum + flag, 0) === 1 }).toEqual({ dimension, line, hidden: false });
    }
    expect(hidden.size).toBeGreaterThanOrEqual(8);
  });

  it('publishes withheld cells as null and marks them, and withholds a small total', () => {
    const published = publish(cell([], 7, 99), [cell([0], 4, 1), cell([1], 3, 2)], settings, QUESTION);
    expect(published.total).toEqual({ group: [], count: null, suppressed: true });
    expect(published.cells.map((one) => [one.count, one.suppressed])).toEqual([
      [null, true],
      [null, true],
    ]);
  });
});
