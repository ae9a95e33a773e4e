import type {
  EmploymentStatus,
  Gender,
  PopulationType,
  ResidentCategory,
  ResidentCondition,
  ResidentFact,
  StatisticsDimension,
  StatisticsQuery,
} from '../../generated/operations';

/** One line of the question builder: a fact, possibly negated. */
export type FactRow =
  | { id: number; not: boolean; kind: 'gender'; value: Gender }
  | { id: number; not: boolean; kind: 'populationType'; value: PopulationType }
  | { id: number; not: boolean; kind: 'age'; atLeast: string; below: string }
  | { id: number; not: boolean; kind: 'employmentStatus'; value: EmploymentStatus }
  | { id: number; not: boolean; kind: 'receivesMinimumLivingAllowance' }
  | { id: number; not: boolean; kind: 'disabled' }
  | { id: number; not: boolean; kind: 'hasChildUnder'; years: string }
  | { id: number; not: boolean; kind: 'category'; value: ResidentCategory };

export type FactKind = FactRow['kind'];

/** Each fact with the department that owns it (contract.md), as an analyst reads it. */
export const FACT_KINDS: { kind: FactKind; label: string; owner: string }[] = [
  { kind: 'employmentStatus', label: '就业状态', owner: '劳动保障' },
  { kind: 'receivesMinimumLivingAllowance', label: '享受低保（在保）', owner: '民政' },
  { kind: 'disabled', label: '持残疾人证', owner: '民政' },
  { kind: 'hasChildUnder', label: '有子女小于 N 周岁', owner: '计生' },
  { kind: 'gender', label: '性别', owner: '公安' },
  { kind: 'populationType', label: '人口类型', owner: '公安' },
  { kind: 'age', label: '年龄', owner: '公安' },
  { kind: 'category', label: '网格分类', owner: '网格' },
];

export function newRow(id: number, kind: FactKind): FactRow {
  switch (kind) {
    case 'gender':
      return { id, not: false, kind, value: 'FEMALE' };
    case 'populationType':
      return { id, not: false, kind, value: 'PERMANENT' };
    case 'age':
      return { id, not: false, kind, atLeast: '60', below: '' };
    case 'employmentStatus':
      return { id, not: false, kind, value: 'LAID_OFF' };
    case 'hasChildUnder':
      return { id, not: false, kind, years: '3' };
    case 'category':
      return { id, not: false, kind, value: 'ELDERLY' };
    default:
      return { id, not: false, kind };
  }
}

const wholeNumber = (text: string): number | null => (/^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : null);

/** The fact a row asks, or why it cannot be asked. */
export function factOf(row: FactRow): ResidentFact | string {
  switch (row.kind) {
    case 'gender':
      return { gender: row.value };
    case 'populationType':
      return { populationType: row.value };
    case 'employmentStatus':
      return { employmentStatus: row.value };
    case 'category':
      return { category: row.value };
    case 'receivesMinimumLivingAllowance':
      return { receivesMinimumLivingAllowance: true };
    case 'disabled':
      return { disabled: true };
    case 'hasChildUnder': {
      const years = wholeNumber(row.years);
      return years === null || years < 1 ? '子女年龄须为正整数' : { hasChildUnder: years };
    }
    case 'age': {
      const atLeast = row.atLeast.trim() === '' ? null : wholeNumber(row.atLeast);
      const below = row.below.trim() === '' ? null : wholeNumber(row.below);
      if ((row.atLeast.trim() !== '' && atLeast === null) || (row.below.trim() !== '' && below === null)) return '年龄须为整数';
      if (atLeast === null && below === null) return '年龄至少填一个界限';
      return { age: { ...(atLeast === null ? {} : { atLeast }), ...(below === null ? {} : { below }) } };
    }
  }
}

/** The rows joined by all (and) or any (or), each possibly negated: the contract's condition tree. */
export function conditionOf(rows: FactRow[], join: 'all' | 'any'): ResidentCondition | null | string {
  const conditions: ResidentCondition[] = [];
  for (const row of rows) {
    const fact = factOf(row);
    if (typeof fact === 'string') return fact;
    conditions.push(row.not ? { not: { fact } } : { fact });
  }
  if (conditions.length === 0) return null;
  if (conditions.length === 1) return conditions[0]!;
  return join === 'all' ? { all: conditions } : { any: conditions };
}

type Cell = StatisticsQuery['statistics']['cells'][number];

/** The answer as CSV (UTF-8 with a BOM, so spreadsheet programs read the Chinese headers). */
export function toCsv(statistics: StatisticsQuery['statistics'], groupBy: StatisticsDimension[], labels: Record<StatisticsDimension, string>): string {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const header = [...groupBy.map((dimension) => labels[dimension]), '人数 count', '已抑制 suppressed'];
  const line = (cell: Cell, group: string[]) =>
    [...group, cell.suppressed ? '' : String(cell.count ?? ''), cell.suppressed ? 'yes' : 'no'].map(quote).join(',');
  const rows = statistics.cells.map((cell) =>
    line(
      cell,
      cell.group.map((part) => part.value),
    ),
  );
  rows.push(
    line(
      statistics.total,
      groupBy.map((_, i) => (i === 0 ? '合计 total' : '')),
    ),
  );
  return `\uFEFF${[header.map(quote).join(','), ...rows].join('\n')}\n`;
}
