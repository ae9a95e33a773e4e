import type { Stack } from '@resident-graph/stack';
import { callsDuring } from '@resident-graph/tests';
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

/** Requests a warm-up is prepared for, per second. */
const WARMUP_RATE = 1_000;

/**
 * Warms every target up, then measures them in turn, `rounds` times, each round a share of
 * the duration: targets compared side by side see the same machine, even when something
 * else on it comes and goes.
 */
export async function compare(targets: Target[], bodies: GraphQLBody[], check: AnswerCheck, settings: LoadSettings, rounds = 1): Promise<Measurement[]> {
  const slice = settings.durationSeconds / rounds;
  const warmupSeconds = Math.max(settings.warmupSeconds, 0.5);
  const run = async (target: Target, durationSeconds: number, expectedRequests: number) =>
    runLoad({
      url: target.url,
      headers: await target.headers(Math.min(expectedRequests, settings.maxRequests)),
      bodies,
      check,
      connections: settings.connections,
      durationSeconds,
      maxRequests: Math.ceil(settings.maxRequests / rounds),
    });

  // The warm-up also tells how many requests a round will take.
  const rates = new Map<Target, number>();
  for (const target of targets) {
    const warmup = await run(target, warmupSeconds, WARMUP_RATE * warmupSeconds);
    rates.set(target, warmup.latenciesMs.length / warmup.durationSeconds);
  }

  const samples = targets.map(() => [] as LoadSample[]);
  const cpu = targets.map(() => 0);
  for (let round = 0; round < rounds; round++) {
    for (const [i, target] of targets.entries()) {
      const before = target.pid ? cpuSeconds(target.pid) : 0;
      samples[i]!.push(await run(target, slice, Math.ceil(2 * rates.get(target)! * slice) + 100));
      cpu[i]! += target.pid ? cpuSeconds(target.pid) - before : 0;
    }
  }
  return targets.map((target, i) => {
    const load = summarize(samples[i]!);
    return { target: target.name, load, cpuMsPerRequest: target.pid && load.requests > 0 ? (cpu[i]! * 1000) / load.requests : null };
  });
}

/**
 * Calls each departmental system received per operation, from `count` operations sent one
 * after another (exact: nothing else is in flight).
 */
export async function callsPerOperation(stack: Stack, target: Target, bodies: GraphQLBody[], count = 10): Promise<Record<string, number>> {
  const headers = await target.headers(count);
  const calls = await callsDuring(stack, async () => {
    for (let i = 0; i < count; i++) {
      const response = await fetch(target.url, { method: 'POST', headers: headers(), body: JSON.stringify(bodies[i % bodies.length]) });
      await response.arrayBuffer();
    }
  });
  return Object.fromEntries(Object.entries(calls).map(([system, total]) => [system, total / count]));
}
