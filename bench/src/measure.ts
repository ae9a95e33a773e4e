import type { Stack } from '@resident-graph/stack';
import { callsDuring, departmentCalls } from '@resident-graph/tests';
import { cpuSeconds } from './processStats';
import type { HeaderSource } from './requestHeaders';
import { runLoad, summarize, type LoadResult, type LoadSample } from './runLoad';
import type { AnswerCheck, GraphQLBody } from './workloads';

export interface Target {
  name: string;
  url: string;
  /** Headers for a run of about `requests` requests (signed contexts are made up front). */
  headers: (requests: number) => Promise<HeaderSource>;
  /** The serving process, for its CPU time. */
  pid?: number;
}

export interface LoadSettings {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  maxRequests: number;
}

export interface Measurement {
  target: string;
  load: LoadResult;
  /** CPU time the serving process (and its workers) spent per answered request. */
  cpuMsPerRequest: number | null;
}

/** Something that can be put under load for a while: a URL taking requests, or a client replaying plans. */
export interface Runner {
  name: string;
  /** The serving process, for its CPU time. */
  pid?: number;
  /** One bounded run; `expectedRequests` says how many signed contexts to make ready. */
  run(durationSeconds: number, expectedRequests: number, maxRequests: number): Promise<LoadSample>;
}

/** Requests a warm-up is prepared for, per second. */
const WARMUP_RATE = 1_000;

/** Requests to `target`, cycling through `bodies`. */
export function httpRunner(target: Target, bodies: GraphQLBody[], check: AnswerCheck, connections: number): Runner {
  return {
    name: target.name,
    pid: target.pid,
    run: async (durationSeconds, expectedRequests, maxRequests) =>
      runLoad({
        url: target.url,
        headers: await target.headers(Math.min(expectedRequests, maxRequests)),
        bodies,
        check,
        connections,
        durationSeconds,
        maxRequests,
      }),
  };
}

/**
 * Warms every runner up, then measures them in turn, `rounds` times, each round a share of
 * the duration: runners compared side by side see the same machine, even when something
 * else on it comes and goes.
 */
export async function compare(runners: Runner[], settings: LoadSettings, rounds = 1): Promise<Measurement[]> {
  const slice = settings.durationSeconds / rounds;
  const warmupSeconds = Math.max(settings.warmupSeconds, 0.5);
  const maxRequests = Math.ceil(settings.maxRequests / rounds);

  // The warm-up also tells how many requests a round will take.
  const rates = new Map<Runner, number>();
  for (const runner of runners) {
    const warmup = await runner.run(warmupSeconds, WARMUP_RATE * warmupSeconds, maxRequests);
    rates.set(runner, warmup.latenciesMs.length / warmup.durationSeconds);
  }

  const samples = runners.map(() => [] as LoadSample[]);
  const cpu = runners.map(() => 0);
  for (let round = 0; round < rounds; round++) {
    for (const [i, runner] of runners.entries()) {
      const before = runner.pid ? cpuSeconds(runner.pid) : 0;
      samples[i]!.push(await runner.run(slice, Math.ceil(2 * rates.get(runner)! * slice) + 100, maxRequests));
      cpu[i]! += runner.pid ? cpuSeconds(runner.pid) - before : 0;
    }
  }
  return runners.map((runner, i) => {
    const load = summarize(samples[i]!);
    return { target: runner.name, load, cpuMsPerRequest: runner.pid && load.requests > 0 ? (cpu[i]! * 1000) / load.requests : null };
  });
}

/**
 * Waits until the department systems have stopped counting calls: requests a load run left
 * in flight would otherwise be counted, or slow the next ones into time-outs and retries.
 */
async function settled(stack: Stack, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = JSON.stringify(await departmentCalls(stack));
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = JSON.stringify(await departmentCalls(stack));
    if (now === last) return;
    last = now;
  }
}

/**
 * Calls each departmental system received per operation, from `count` operations sent one
 * after another once the systems are quiet (exact: nothing else is in flight).
 */
export async function callsPerOperation(stack: Stack, target: Target, bodies: GraphQLBody[], count = 10): Promise<Record<string, number>> {
  const headers = await target.headers(count);
  await settled(stack);
  const calls = await callsDuring(stack, async () => {
    for (let i = 0; i < count; i++) {
      const response = await fetch(target.url, { method: 'POST', headers: headers(), body: JSON.stringify(bodies[i % bodies.length]) });
      await response.arrayBuffer();
    }
  });
  return Object.fromEntries(Object.entries(calls).map(([system, total]) => [system, total / count]));
}
