import {
  ageBandOf,
  ageInRange,
  childUnder,
  fullYearsAt,
  minimumLivingAllowanceActiveAt,
  type Department,
  type ResidentFact,
  type StatisticsDimension,
  type TruthResident,
} from '@resident-graph/schemas';
import type { Caller } from '@resident-graph/trust';

/** A question as `statistics(input:)` takes it (the contract's input, as JSON). */
export interface StatisticsQuestion {
  count?: 'RESIDENTS' | 'HOUSEHOLDS';
  where?: Condition | null;
  groupBy?: StatisticsDimension[];
  asOf?: string;
}
export interface Condition {
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
  fact?: ResidentFact;
}

/** True counts, by brute force over `truth.jsonl`: per cell, keyed by its values joined with `|` in groupBy order. */
export interface TrueCounts {
  total: number;
  cells: Map<string, number>;
}

/**
 * Whether a department's facts reach the graph for this resident: it holds a record, and
 * under an ID that resolves to them. A record under a mistyped ID (`ID_TYPO`) names no
 * valid citizen ID, so it is in no count until identity resolution links it (issue 13):
 * accounted for here, explicitly, rather than by loosening the comparison.
 */
const heldBy = (resident: TruthResident, department: Department): boolean =>
  !resident.imperfections.some((imperfection) => imperfection.department === department && imperfection.kind === 'ID_TYPO');

/** The contract's facts, evaluated on the truth: the reference the graph's counts are held to. */
export function factHolds(resident: TruthResident, fact: ResidentFact, asOf: string): boolean {
  if (fact.gender != null) return resident.gender === fact.gender;
  if (fact.populationType != null) return resident.publicSecurity.populationType === fact.populationType;
  if (fact.age != null) return ageInRange(fullYearsAt(resident.birthDate, asOf), fact.age);
  if (fact.category != null) return resident.grid.categories.includes(fact.category);
  if (fact.employmentStatus != null) return !!resident.labour && heldBy(resident, 'labour') && resident.labour.employmentStatus === fact.employmentStatus;
  if (fact.receivesMinimumLivingAllowance != null) {
    const active =
      !!resident.civilAffairs &&
      heldBy(resident, 'civil-affairs') &&
      resident.civilAffairs.allowanceCases.some((allowanceCase) => minimumLivingAllowanceActiveAt(allowanceCase, asOf));
    return active === fact.receivesMinimumLivingAllowance;
  }
  if (fact.disabled != null) return (!!resident.civilAffairs?.disability && heldBy(resident, 'civil-affairs')) === fact.disabled;
  if (fact.hasChildUnder != null)
    return (
      !!resident.familyPlanning &&
      heldBy(resident, 'family-planning') &&
      resident.familyPlanning.children.some((child) => childUnder(child.birthDate, asOf, fact.hasChildUnder!))
    );
  throw new Error(`no fact in ${JSON.stringify(fact)}`);
}

function holds(resident: TruthResident, condition: Condition | null | undefined, asOf: string): boolean {
  if (!condition) return true;
  if (condition.all) return condition.all.every((child) => holds(resident, child, asOf));
  if (condition.any) return condition.any.some((child) => holds(resident, child, asOf));
  if (condition.not) return !holds(resident, condition.not, asOf);
  return factHolds(resident, condition.fact!, asOf);
}

function valueOf(resident: TruthResident, dimension: StatisticsDimension, asOf: string): string | null {
  switch (dimension) {
    case 'COMMUNITY':
      return resident.grid.communityId;
    case 'GRID':
      return resident.gridId;
    case 'GENDER':
      return resident.gender;
    case 'POPULATION_TYPE':
      return resident.publicSecurity.populationType;
    case 'AGE_BAND': {
      const age = fullYearsAt(resident.birthDate, asOf);
      return age < 0 ? null : ageBandOf(age);
    }
  }
}

/** Who an analyst's counts cover: their community, else their grids, else the whole street. */
export const inAnalystReach = (resident: TruthResident, analyst: Caller): boolean =>
  analyst.community ? resident.grid.communityId === analyst.community : analyst.grids.length > 0 ? analyst.grids.includes(resident.gridId) : true;

/** The true answer to a question, counted resident by resident (or dwelling by dwelling). */
export function trueCounts(residents: readonly TruthResident[], question: StatisticsQuestion, analyst: Caller, asOf: string): TrueCounts {
  const groupBy = question.groupBy ?? [];
  const households = question.count === 'HOUSEHOLDS';
  const totalUnits = new Set<string>();
  const cellUnits = new Map<string, Set<string>>();
  for (const resident of residents) {
    if (!inAnalystReach(resident, analyst) || !holds(resident, question.where, asOf)) continue;
    const unit = households ? resident.householdId : resident.id;
    totalUnits.add(unit);
    const values = groupBy.map((dimension) => valueOf(resident, dimension, asOf));
    if (values.includes(null)) continue;
    const key = values.join('|');
    if (!cellUnits.has(key)) cellUnits.set(key, new Set());
    cellUnits.get(key)!.add(unit);
  }
  return { total: totalUnits.size, cells: new Map([...cellUnits].map(([key, units]) => [key, units.size])) };
}

/** A published answer, as far as the checks need it. */
export interface PublishedAnswer {
  total: { count: number | null; suppressed: boolean };
  cells: { group: { value: string }[]; count: number | null; suppressed: boolean }[];
  threshold: number;
  perturbationBound: number;
}

/**
 * Where a published answer breaks the rules against the true counts; empty when it keeps
 * them all: the cells are exactly those with someone in them; a count below the threshold
 * is never shown; a shown count is within `perturbationBound` of the truth and not below the
 * threshold; and no line of the table (cells alike in all dimensions but one, or the whole
 * table against a shown total) has exactly one withheld cell, which its margin would give away.
 */
export function disclosureProblems(published: PublishedAnswer, truth: TrueCounts): string[] {
  const problems: string[] = [];
  const check = (name: string, shown: { count: number | null; suppressed: boolean }, count: number) => {
    const small = count > 0 && count < published.threshold;
    if (small && !shown.suppressed) problems.push(`${name}: true count ${count} is below ${published.threshold} but shown as ${shown.count}`);
    if (shown.suppressed !== (shown.count === null)) problems.push(`${name}: suppressed ${shown.suppressed} with count ${shown.count}`);
    if (shown.count === null) return;
    if (Math.abs(shown.count - count) > published.perturbationBound) problems.push(`${name}: shown ${shown.count}, true ${count}`);
    if (shown.count > 0 && shown.count < published.threshold) problems.push(`${name}: shown ${shown.count}, below the threshold`);
  };
  check('total', published.total, truth.total);
  const shown = new Map(published.cells.map((cell) => [cell.group.map((group) => group.value).join('|'), cell]));
  for (const key of new Set([...shown.keys(), ...truth.cells.keys()])) {
    const cell = shown.get(key);
    if (!cell) problems.push(`cell ${key}: true count ${truth.cells.get(key)} but no cell published`);
    else if (!truth.cells.has(key)) problems.push(`cell ${key}: published but no one is in it`);
    else check(`cell ${key}`, cell, truth.cells.get(key)!);
  }
  const width = published.cells[0]?.group.length ?? 0;
  const lines = new Map<string, number[]>();
  for (const cell of published.cells) {
    const values = cell.group.map((group) => group.value);
    const lineKeys = [
      ...(published.total.suppressed ? [] : ['table']),
      ...values.map((_, dimension) => `${dimension}:${values.filter((__, index) => index !== dimension).join('|')}`),
    ];
    for (const line of new Set(width === 0 ? [] : lineKeys)) lines.set(line, [...(lines.get(line) ?? []), cell.suppressed ? 1 : 0]);
  }
  for (const [line, hidden] of lines)
    if (hidden.length > 1 && hidden.reduce((sum, one) => sum + one, 0) === 1)
      problems.push(`line ${line}: exactly one withheld cell, recoverable from its margin`);
  return problems;
}
