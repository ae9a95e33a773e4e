import type { TrueCell } from './tabulate';

export interface DisclosureSettings {
  /** Smallest count published: 0 < count < threshold is suppressed. */
  threshold: number;
  /** Largest perturbation of a published count (the cell-key method); 0 publishes true counts. */
  perturbationBound: number;
}

export interface PublishedCell {
  group: number[];
  count: number | null;
  suppressed: boolean;
}

/** Murmur3's 32-bit finalizer: spreads a cell key and count over the perturbation's range. */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The cell-key method (as the Australian Bureau of Statistics' TableBuilder uses it), keyed
 * by the question as well: the noise added to a count is a fixed function of the cell key —
 * the sum of the record keys of the units in the cell — of the count, and of `questionKey`,
 * the question's canonical form (`questionKeyOf`). The same question gives the same published
 * counts however often it is asked, so repeating it averages nothing away. A cell keyed by
 * its contents alone gives two questions with the same residents in a cell the same noise:
 * "everyone on the allowance in G001" and "… but not the one resident aged 47, male,
 * floating" would then publish equal counts exactly when that resident is not on the
 * allowance — the difference of the two answers would tell. Keyed by the question too, the
 * two answers carry unrelated noise whether or not the person is in. Never below the
 * threshold: a published non-zero count is never small.
 */
export function perturb(cell: TrueCell, settings: DisclosureSettings, questionKey: number): number {
  if (cell.count === 0 || settings.perturbationBound === 0) return cell.count;
  const span = 2 * settings.perturbationBound + 1;
  const noise = (mix(mix(cell.cellKey * 0x9e3779b1 + Math.min(cell.count, 4096)) ^ questionKey) % span) - settings.perturbationBound;
  return Math.max(cell.count + noise, settings.threshold);
}

const isSmall = (cell: TrueCell, threshold: number) => cell.count > 0 && cell.count < threshold;

/**
 * Primary suppression of small cells, then secondary: wherever a line of the table (cells
 * alike in all dimensions but one), or the table as a whole against its total, has just one
 * suppressed cell, another cell in it is suppressed too, until none has — so no suppressed
 * count is the difference of a published margin and its published siblings. The partner
 * chosen is one that also completes another such line, else the smallest: fewer cells lost.
 */
export function suppressedCells(cells: readonly TrueCell[], threshold: number): Set<TrueCell> {
  const suppressed = new Set(cells.filter((cell) => isSmall(cell, threshold)));
  const dimensions = cells[0]?.group.length ?? 0;
  const lines: TrueCell[][] = [];
  const linesOf = new Map<TrueCell, TrueCell[][]>(cells.map((cell) => [cell, []]));
  for (const dimension of [null, ...Array.from({ length: dimensions }, (_, index) => index)]) {
    const byLine = new Map<string, TrueCell[]>();
    for (const cell of cells) {
      const key = dimension === null ? '' : cell.group.filter((_, index) => index !== dimension).join(',');
      const line = byLine.get(key);
      if (line) line.push(cell);
      else byLine.set(key, [cell]);
    }
    for (const line of byLine.values()) {
      lines.push(line);
      for (const cell of line) linesOf.get(cell)!.push(line);
    }
  }
  const hiddenIn = (line: TrueCell[]) => line.filter((cell) => suppressed.has(cell)).length;
  const completes = (cell: TrueCell, except: TrueCell[]) => linesOf.get(cell)!.filter((line) => line !== except && hiddenIn(line) === 1).length;
  let changed = suppressed.size > 0;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (hiddenIn(line) !== 1) continue;
      const partner = line
        .filter((cell) => !suppressed.has(cell))
        .sort((a, b) => completes(b, line) - completes(a, line) || a.count - b.count || a.group.join().localeCompare(b.group.join()))[0];
      if (!partner) continue;
      suppressed.add(partner);
      changed = true;
    }
  }
  return suppressed;
}

/** What an analyst is shown: small cells and their partners withheld, the rest perturbed. */
export function publish(
  total: TrueCell,
  cells: readonly TrueCell[],
  settings: DisclosureSettings,
  questionKey: number,
): { total: PublishedCell; cells: PublishedCell[] } {
  const hidden = suppressedCells(cells, settings.threshold);
  const shown = (cell: TrueCell, suppressed: boolean): PublishedCell => ({
    group: cell.group,
    count: suppressed ? null : perturb(cell, settings, questionKey),
    suppressed,
  });
  return {
    total: shown(total, isSmall(total, settings.threshold)),
    cells: cells.map((cell) => shown(cell, hidden.has(cell))),
  };
}
