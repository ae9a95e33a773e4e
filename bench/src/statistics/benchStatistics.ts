import { performance } from 'node:perf_hooks';
import type { Logger } from '@resident-graph/service-kit';
import type { Stack } from '@resident-graph/stack';
import { KEY_SET_PATH, type KeySetQuery } from '@resident-graph/subgraph-kit';
import { todayInShanghai } from '@resident-graph/schemas';
import { graphql, requestHeaders, STATISTICS_QUERY, STREET_ANALYST, type PublishedStatistics, type StatisticsQuestion } from '@resident-graph/tests';
import { KEY_SET_REQUEST_HEADER, loadKey, signKeySetRequest } from '@resident-graph/trust';
import { percentile } from '../percentile';
import { combineAtCityScale, type CombineAtScale } from './combineAtCityScale';

/** The issue's yardstick: a filter over three departments' facts, grouped by grid. */
export const THREE_DEPARTMENT_QUESTION: StatisticsQuestion = {
  where: { all: [{ fact: { employmentStatus: 'LAID_OFF' } }, { fact: { receivesMinimumLivingAllowance: true } }, { fact: { age: { atLeast: 18 } } }] },
  groupBy: ['GRID'],
};
/** What each department is asked for that question (as the statistics service plans it). */
const DEPARTMENT_PARTS: Record<string, Omit<KeySetQuery, 'asOf'>> = {
  grid: { facts: [], partitions: [], placement: true },
  labour: { facts: [{ employmentStatus: 'LAID_OFF' }], partitions: [], placement: false },
  'civil-affairs': { facts: [{ receivesMinimumLivingAllowance: true }], partitions: [], placement: false },
  'public-security': { facts: [{ age: { atLeast: 18 } }], partitions: [], placement: false },
};
const WARM_RUNS = 20;

export interface StatisticsReport {
  question: string;
  residents: number;
  /** The first question after the stack started: every department's system and cache cold. */
  coldMs: number;
  warmMs: { p50: number; p95: number; runs: number };
  /** Each department's part asked straight at its key-set route (warm): time and bytes on the wire. */
  departments: { department: string; ms: number; bytes: number; bytesPerResident: number }[];
  combineAtCityScale: CombineAtScale;
}

/**
 * The analysts' workload: the three-department question through the gateway, cold then
 * warm; each department's part alone; and the combining step alone on a city's worth of
 * keys. Run first, while the stack is cold.
 */
export async function benchStatistics(stack: Stack, residents: number, logger: Logger): Promise<StatisticsReport> {
  const headers = await requestHeaders(stack, STREET_ANALYST, null);
  const ask = async () => {
    const started = performance.now();
    const answer = await graphql<{ statistics: PublishedStatistics }>(stack.gatewayUrl, STATISTICS_QUERY, { input: THREE_DEPARTMENT_QUESTION }, headers);
    if (!answer.data?.statistics) throw new Error(`statistics workload failed: ${JSON.stringify(answer.errors)}`);
    return performance.now() - started;
  };
  logger.info('statistics: the three-department question, cold then warm');
  const coldMs = await ask();
  const warm: number[] = [];
  for (let run = 0; run < WARM_RUNS; run++) warm.push(await ask());
  warm.sort((a, b) => a - b);

  const privateKey = await loadKey(stack.keysDir, 'statistics', 'private');
  const asOf = todayInShanghai();
  const departments: StatisticsReport['departments'] = [];
  for (const [department, part] of Object.entries(DEPARTMENT_PARTS)) {
    const port = stack.ports.subgraphs[department]!;
    const body = JSON.stringify({ asOf, ...part });
    const signature = await signKeySetRequest({ caller: STREET_ANALYST, requestId: 'bench', department }, body, privateKey);
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${KEY_SET_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [KEY_SET_REQUEST_HEADER]: signature },
      body,
    });
    const bytes = (await response.arrayBuffer()).byteLength;
    if (!response.ok) throw new Error(`${department} key sets: HTTP ${response.status}`);
    departments.push({ department, ms: performance.now() - started, bytes, bytesPerResident: bytes / residents });
  }
  logger.info('statistics: the combining step alone at city scale');
  return {
    question: JSON.stringify(THREE_DEPARTMENT_QUESTION),
    residents,
    coldMs,
    warmMs: { p50: percentile(warm, 50), p95: percentile(warm, 95), runs: WARM_RUNS },
    departments,
    combineAtCityScale: await combineAtCityScale(),
  };
}
