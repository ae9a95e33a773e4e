import { performance } from 'node:perf_hooks';
import type { TruthResident } from '@resident-graph/schemas';
import type { Stack } from '@resident-graph/stack';
import { graphql } from '@resident-graph/test-kit';
import type { Caller } from '@resident-graph/trust';
import { requestHeaders } from './credentials';
import { disclosureProblems, trueCounts, type Condition, type StatisticsQuestion } from './statisticsOracle';

export const STREET_ANALYST: Caller = { subject: 'analyst-street', role: 'analyst', department: null, grids: [], community: null };
export const COMMUNITY_ANALYST = (community: string): Caller => ({ ...STREET_ANALYST, subject: `analyst-${community}`, community });

/** One catalogue entry: what analysts ask, in their words, and as the input. */
export interface CatalogueQuestion {
  title: string;
  question: StatisticsQuestion;
  /** @default the street's analyst */
  analyst?: (communities: readonly string[]) => Caller;
}

const laidOff: Condition = { fact: { employmentStatus: 'LAID_OFF' } };
const allowance: Condition = { fact: { receivesMinimumLivingAllowance: true } };
const employed: Condition = { fact: { employmentStatus: 'EMPLOYED' } };
const workingAge: Condition = { fact: { age: { atLeast: 18, below: 60 } } };

/**
 * Cross-department questions analysts ask (issue 11), covering every fact, every dimension,
 * both units, nested all/any/not and dates in the past. Each is answered by the graph and by
 * brute force from the truth; the catalogue's pilot answers are in the closing note.
 */
export const STATISTICS_CATALOGUE: readonly CatalogueQuestion[] = [
  { title: 'everyone, by community', question: { groupBy: ['COMMUNITY'] } },
  { title: 'laid-off workers receiving the minimum living allowance, by grid', question: { where: { all: [laidOff, allowance] }, groupBy: ['GRID'] } },
  {
    title: 'households with a child under 3 where that parent is not employed, by community',
    question: { count: 'HOUSEHOLDS', where: { all: [{ fact: { hasChildUnder: 3 } }, { not: employed }] }, groupBy: ['COMMUNITY'] },
  },
  {
    title: 'floating population aged 18–59, by community',
    question: { where: { all: [{ fact: { populationType: 'FLOATING' } }, workingAge] }, groupBy: ['COMMUNITY'] },
  },
  { title: 'men, by age band', question: { where: { fact: { gender: 'MALE' } }, groupBy: ['AGE_BAND'] } },
  { title: 'disabled residents, by gender', question: { where: { fact: { disabled: true } }, groupBy: ['GENDER'] } },
  {
    title: 'residents 60 and over without the allowance, by community',
    question: { where: { all: [{ fact: { receivesMinimumLivingAllowance: false } }, { fact: { age: { atLeast: 60 } } }] }, groupBy: ['COMMUNITY'] },
  },
  { title: "the grid survey's elderly flag, by grid", question: { where: { fact: { category: 'ELDERLY' } }, groupBy: ['GRID'] } },
  { title: 'parents of a child under 3, by population type', question: { where: { fact: { hasChildUnder: 3 } }, groupBy: ['POPULATION_TYPE'] } },
  {
    title: 'registered unemployed, by age band, as of 2024-01-01',
    question: { where: { fact: { employmentStatus: 'REGISTERED_UNEMPLOYED' } }, groupBy: ['AGE_BAND'], asOf: '2024-01-01' },
  },
  {
    title: 'households with a disabled member or an allowance, by community',
    question: { count: 'HOUSEHOLDS', where: { any: [{ fact: { disabled: true } }, allowance] }, groupBy: ['COMMUNITY'] },
  },
  {
    title: 'working-age residents neither employed nor retired, by gender',
    question: { where: { all: [workingAge, { not: { any: [employed, { fact: { employmentStatus: 'RETIRED' } }] } }] }, groupBy: ['GENDER'] },
  },
  {
    title: 'parents of a child under 6 as of 2020-01-01, by community',
    question: { where: { fact: { hasChildUnder: 6 } }, groupBy: ['COMMUNITY'], asOf: '2020-01-01' },
  },
  {
    title: 'households on the allowance as of 2019-06-30, by grid',
    question: { count: 'HOUSEHOLDS', where: allowance, groupBy: ['GRID'], asOf: '2019-06-30' },
  },
  { title: 'children under 18 as of 2015-01-01, by gender', question: { where: { fact: { age: { below: 18 } } }, groupBy: ['GENDER'], asOf: '2015-01-01' } },
  { title: 'everyone, by grid and gender', question: { groupBy: ['GRID', 'GENDER'] } },
  { title: 'everyone, by community, age band and population type', question: { groupBy: ['COMMUNITY', 'AGE_BAND', 'POPULATION_TYPE'] } },
  {
    title: 'laid off by the labour bureau and flagged laid off by the grid survey, by community',
    question: { where: { all: [laidOff, { fact: { category: 'LAID_OFF' } }] }, groupBy: ['COMMUNITY'] },
  },
  { title: 'households with a member who is not disabled', question: { count: 'HOUSEHOLDS', where: { not: { fact: { disabled: true } } } } },
  {
    title: 'a six-level nesting: women, or men who are not both under 30 and employed, by population type',
    question: {
      where: {
        any: [
          { fact: { gender: 'FEMALE' } },
          { all: [{ fact: { gender: 'MALE' } }, { not: { all: [{ fact: { age: { below: 30 } } }, { any: [employed, { not: { not: employed } }] }] } }] },
        ],
      },
      groupBy: ['POPULATION_TYPE'],
    },
  },
  {
    title: 'households of the permanent population, by population type',
    question: { count: 'HOUSEHOLDS', where: { fact: { populationType: 'PERMANENT' } }, groupBy: ['POPULATION_TYPE'] },
  },
  { title: 'not in the labour force, by community', question: { where: { fact: { employmentStatus: 'NOT_IN_LABOUR_FORCE' } }, groupBy: ['COMMUNITY'] } },
  {
    title: 'family-planning clients with a child under 18, by age band',
    question: { where: { all: [{ fact: { category: 'FAMILY_PLANNING_CLIENT' } }, { fact: { hasChildUnder: 18 } }] }, groupBy: ['AGE_BAND'] },
  },
  {
    title: '80 and over without the allowance as of 2022-06-30, by gender',
    question: { where: { all: [{ fact: { age: { atLeast: 80 } } }, { not: allowance }] }, groupBy: ['GENDER'], asOf: '2022-06-30' },
  },
  {
    title: 'retired and disabled, by grid (small cells)',
    question: { where: { all: [{ fact: { employmentStatus: 'RETIRED' } }, { fact: { disabled: true } }] }, groupBy: ['GRID'] },
  },
  { title: 'on the allowance, no grouping', question: { where: allowance } },
  {
    title: "everyone, by grid, for one community's analyst",
    question: { groupBy: ['GRID'] },
    analyst: (communities) => COMMUNITY_ANALYST(communities[1] ?? communities[0]!),
  },
  {
    title: 'not employed, not on the allowance, with a child under 6, households by community and grid',
    question: { count: 'HOUSEHOLDS', where: { all: [{ not: employed }, { not: allowance }, { fact: { hasChildUnder: 6 } }] }, groupBy: ['COMMUNITY', 'GRID'] },
  },
];

export const STATISTICS_QUERY = `query Statistics($input: StatisticsInput!) {
  statistics(input: $input) {
    total { count suppressed }
    cells { group { dimension value } count suppressed }
    threshold perturbationBound asOf suppressedCells
    unresolvedRecords { department records }
  }
}`;

export interface PublishedStatistics {
  total: { count: number | null; suppressed: boolean };
  cells: { group: { dimension: string; value: string }[]; count: number | null; suppressed: boolean }[];
  threshold: number;
  perturbationBound: number;
  asOf: string;
  suppressedCells: number;
  unresolvedRecords: { department: string; records: number }[];
}

/** Asks the gateway a statistics question as `caller` (no purpose: counts need none). */
export async function askStatistics(stack: Stack, question: StatisticsQuestion, caller: Caller = STREET_ANALYST) {
  return graphql<{ statistics: PublishedStatistics }>(stack.gatewayUrl, STATISTICS_QUERY, { input: question }, await requestHeaders(stack, caller, null));
}

/** The answer, or an error saying why there is none. */
export async function answerOf(stack: Stack, question: StatisticsQuestion, caller: Caller = STREET_ANALYST): Promise<PublishedStatistics> {
  const response = await askStatistics(stack, question, caller);
  if (!response.data?.statistics) throw new Error(`no answer: ${JSON.stringify(response.errors)}`);
  return response.data.statistics;
}

/**
 * Asks every catalogue question and holds each answer to the brute-force truth; returns the
 * problems found (none when the graph keeps every rule) and a table of the answers with the
 * time each took, for the test output.
 */
export async function checkCatalogue(stack: Stack, truth: readonly TruthResident[], communities: readonly string[]) {
  const problems: { question: string; problems: string[] }[] = [];
  const rows = ['| question | true total | published total | cells | suppressed | ms |', '|---|---:|---:|---:|---:|---:|'];
  for (const entry of STATISTICS_CATALOGUE) {
    const analyst = entry.analyst?.(communities) ?? STREET_ANALYST;
    const started = performance.now();
    const published = await answerOf(stack, entry.question, analyst);
    const elapsed = performance.now() - started;
    const expected = trueCounts(truth, entry.question, analyst, published.asOf);
    const found = disclosureProblems(published, expected);
    if (found.length > 0) problems.push({ question: entry.title, problems: found });
    rows.push(
      `| ${entry.title} | ${expected.total} | ${published.total.count ?? 'suppressed'} | ${published.cells.length} | ${published.suppressedCells} | ${elapsed.toFixed(0)} |`,
    );
  }
  return { problems, table: `${rows.join('\n')}\n` };
}
