import { Agent, request } from 'node:http';
import type { Runner } from './measure';
import { walkPlan, fetchKey, type QueryPlan } from './queryPlan';
import type { SubgraphFetch } from './recordSubgraphFetches';
import type { HeaderSource } from './requestHeaders';
import type { LoadSample } from './runLoad';

export interface PlanReplayOptions {
  plan: QueryPlan;
  operations: SubgraphFetch[][];
  /** Headers of each operation's fetches (one signed context per operation, as the gateway does). */
  headers: (operations: number) => Promise<HeaderSource>;
  connections: number;
}

type Prepared = Map<string, { url: URL; body: string }>;

/** Kept-alive connections, as a gateway keeps them: the replay should cost no more than a lean client. */
const agent = new Agent({ keepAlive: true });

function post(url: URL, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function replay(
  plan: QueryPlan,
  operations: Prepared[],
  headers: HeaderSource,
  connections: number,
  durationSeconds: number,
  maxRequests: number,
): Promise<LoadSample> {
  const latenciesMs: number[] = [];
  const errors = { non2xx: 0, graphql: 0, wrongAnswers: 0, transport: 0, total: 0 };
  let firstError: string | undefined;
  let started = 0;
  const startedAt = performance.now();
  const deadline = startedAt + durationSeconds * 1000;

  const one = async (fetches: Prepared) => {
    const operationHeaders = headers();
    let failure: keyof typeof errors | null = null;
    await walkPlan(plan.node!, async (key) => {
      const fetch = fetches.get(key);
      // The gateway skips a step with nothing to fetch (a resident without a household …).
      if (!fetch) return;
      try {
        const { status, text } = await post(fetch.url, operationHeaders, fetch.body);
        const ok = status >= 200 && status < 300;
        if (!ok || text.includes('"errors":')) {
          failure ??= ok ? 'graphql' : 'non2xx';
          firstError ??= `${status} ${text.slice(0, 300)}`;
        }
      } catch (error) {
        failure ??= 'transport';
        firstError ??= String(error);
      }
    });
    return failure;
  };

  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline && started < maxRequests) {
        const fetches = operations[started++ % operations.length]!;
        const begin = performance.now();
        const failure = await one(fetches);
        latenciesMs.push(performance.now() - begin);
        if (failure) {
          errors[failure]++;
          errors.total++;
        }
      }
    }),
  );
  return { latenciesMs, durationSeconds: (performance.now() - startedAt) / 1000, errors, sampledAnswers: 0, firstError };
}

/**
 * The subgraphs without a gateway, under the same load: a client that runs the recorded
 * query plan itself (sequences in order, parallel groups at once), `connections` operations
 * in flight. Its p50 is what a gateway's p50 would be if the gateway cost nothing.
 */
export function planReplayRunner(options: PlanReplayOptions): Runner {
  const { plan } = options;
  if (!plan.node) throw new Error('replaying a query plan: the plan is empty');
  const operations: Prepared[] = options.operations.map(
    (fetches) => new Map(fetches.map((fetch) => [fetchKey(fetch.subgraph, fetch.body.query), { url: new URL(fetch.url), body: JSON.stringify(fetch.body) }])),
  );
  return {
    name: 'direct, whole plan (no gateway)',
    run: async (durationSeconds, expectedRequests, maxRequests) =>
      replay(plan, operations, await options.headers(Math.min(expectedRequests, maxRequests)), options.connections, durationSeconds, maxRequests),
  };
}
