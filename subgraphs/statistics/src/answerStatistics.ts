import { GraphQLError } from 'graphql';
import { AGE_BANDS, GENDERS, POPULATION_TYPES, type PersonalDimension, type StatisticsDimension } from '@resident-graph/schemas';
import type { KeySetAnswer, KeySetQuery, Placement } from '@resident-graph/subgraph-kit';
import type { Caller } from '@resident-graph/trust';
import { askDepartments, type DepartmentCallSettings } from './askDepartments';
import { checkCondition, checkInput, questionKeyOf, type Condition } from './condition';
import { publish, type DisclosureSettings, type PublishedCell } from './disclosureControl';
import { bitmapOf, bitmapsReady, evaluate, positionsIn, RoaringBitmap32 } from './keySetAlgebra';
import type { Statistics, StatisticsCell, StatisticsInput, StatisticsUnit } from './statistics.types';
import { NO_VALUE, tabulate, type Column } from './tabulate';

/** Where residents are placed, the one fact every question needs. */
const PLACEMENT_OWNER = 'grid';
const PERSONAL_OWNER = 'public-security';
const PERSONAL_VALUES: Record<PersonalDimension, readonly string[]> = { GENDER: GENDERS, AGE_BAND: AGE_BANDS, POPULATION_TYPE: POPULATION_TYPES };

export type StatisticsSettings = DepartmentCallSettings & DisclosureSettings;

/** What one department is asked: its facts of the question, and the grid's placement / public security's partitions. */
function planQueries(leaves: ReturnType<typeof checkCondition>['leaves'], groupBy: readonly StatisticsDimension[], asOf: string) {
  const queries = new Map<string, KeySetQuery>();
  const queryOf = (department: string) => {
    let query = queries.get(department);
    if (!query) queries.set(department, (query = { asOf, facts: [], partitions: [], placement: false }));
    return query;
  };
  queryOf(PLACEMENT_OWNER).placement = true;
  const partitions = groupBy.filter((dimension): dimension is PersonalDimension => dimension in PERSONAL_VALUES);
  if (partitions.length > 0) queryOf(PERSONAL_OWNER).partitions = partitions;
  // Where each leaf's key set comes back: its department, and its place in that department's answer.
  const sources = leaves.map(({ owner, fact }) => {
    const query = queryOf(owner);
    query.facts.push(fact);
    return { owner, index: query.facts.length - 1 };
  });
  return { queries, sources };
}

function columnOf(dimension: StatisticsDimension, placement: Placement, answers: ReadonlyMap<string, KeySetAnswer>): Column {
  const at = new Uint16Array(placement.keys.length).fill(NO_VALUE);
  if (dimension === 'GRID') return { dimension, values: placement.gridIds, at: Uint16Array.from(placement.grid) };
  if (dimension === 'COMMUNITY') {
    const communities = [...new Set(placement.communityOfGrid)].sort();
    const communityOfGrid = placement.communityOfGrid.map((community) => communities.indexOf(community));
    placement.grid.forEach((grid, position) => (at[position] = communityOfGrid[grid]!));
    return { dimension, values: communities, at };
  }
  const values = PERSONAL_VALUES[dimension];
  const partition = answers.get(PERSONAL_OWNER)?.partitions[dimension] ?? {};
  values.forEach((value, index) => {
    for (const position of positionsIn(placement.keys, partition[value] ?? new BigUint64Array())) at[position] = index;
  });
  return { dimension, values, at };
}

const toCell = (cell: PublishedCell, columns: readonly Column[]): StatisticsCell => ({
  group: cell.group.map((value, index) => ({ dimension: columns[index]!.dimension, value: columns[index]!.values[value]! })),
  count: cell.count,
  suppressed: cell.suppressed,
});

/** The parts of a question the combining step needs, once the departments have answered. */
export interface CombineInput {
  condition: Condition;
  /** Per leaf of the condition, the department whose answer holds its key set and where. */
  sources: readonly { owner: string; index: number }[];
  groupBy: readonly StatisticsDimension[];
  unit: StatisticsUnit;
}

/**
 * The combining step, alone: key sets to bitmaps over the placed residents, the condition
 * evaluated, the matching residents (or dwellings) counted per cell. True counts: nothing
 * here is fit to publish before `publish`.
 */
export async function combineKeySets(placement: Placement, answers: ReadonlyMap<string, KeySetAnswer>, input: CombineInput) {
  await bitmapsReady;
  const bitmaps: RoaringBitmap32[] = [];
  try {
    const everyone = RoaringBitmap32.fromRange(0, placement.keys.length);
    bitmaps.push(everyone);
    const leafBitmaps = input.sources.map(({ owner, index }) =>
      bitmapOf(positionsIn(placement.keys, answers.get(owner)!.facts[index] ?? new BigUint64Array())),
    );
    bitmaps.push(...leafBitmaps);
    const matching = evaluate(input.condition, leafBitmaps, everyone);
    bitmaps.push(matching);
    const columns = input.groupBy.map((dimension) => columnOf(dimension, placement, answers));
    return { columns, ...tabulate(matching.toUint32Array(), columns, { unit: input.unit, keys: placement.keys, household: placement.household }) };
  } finally {
    for (const bitmap of bitmaps) bitmap.dispose();
  }
}

/**
 * Answers an analyst's question: each department evaluates its own facts and sends key
 * sets; they are combined here once, as bitmaps over the residents the grid places in the
 * analyst's jurisdiction, counted, then suppressed and perturbed before anything leaves.
 */
export async function answerStatistics(
  input: StatisticsInput,
  analyst: Caller,
  requestId: string,
  today: string,
  settings: StatisticsSettings,
): Promise<Statistics> {
  if (analyst.role !== 'analyst') throw new GraphQLError('statistics are for analysts', { extensions: { code: 'FORBIDDEN' } });
  const { asOf } = checkInput(input, today);
  const { condition, leaves } = checkCondition(input.where);
  const { queries, sources } = planQueries(leaves, input.groupBy, asOf);
  const answers = await askDepartments(queries, analyst, requestId, settings);
  const placement = answers.get(PLACEMENT_OWNER)?.placement;
  if (!placement)
    throw new GraphQLError(`${PLACEMENT_OWNER}: its answer holds no placement`, {
      extensions: { code: 'DEPARTMENT_BAD_RESPONSE', department: PLACEMENT_OWNER },
    });

  const counted = await combineKeySets(placement, answers, { condition, sources, groupBy: input.groupBy, unit: input.count });
  const published = publish(counted.total, counted.cells, settings, questionKeyOf(condition, input.count, asOf));
  const cells = published.cells
    .map((cell) => toCell(cell, counted.columns))
    .sort((a, b) =>
      a.group
        .map((g) => g.value)
        .join('\u0000')
        .localeCompare(b.group.map((g) => g.value).join('\u0000')),
    );
  return {
    total: toCell(published.total, []),
    cells,
    threshold: settings.threshold,
    perturbationBound: settings.perturbationBound,
    asOf,
    suppressedCells: cells.filter((cell) => cell.suppressed).length + (published.total.suppressed ? 1 : 0),
    unresolvedRecords: [...answers].map(([department, answer]) => ({ department, records: answer.unresolvedRecords })),
  };
}
