import autocannon from 'autocannon';
import { percentile } from './percentile';
import type { HeaderSource } from './requestHeaders';
import type { AnswerCheck, GraphQLBody } from './workloads';

export interface LoadOptions {
  url: string;
  headers: HeaderSource;
  /** Sent in turn, one per request. */
  bodies: GraphQLBody[];
  check: AnswerCheck;
  connections: number;
  durationSeconds: number;
  /** Stops early once this many requests have been answered. */
  maxRequests: number;
  /** Every n-th answer is parsed and checked in full; every answer is scanned for GraphQL errors. */
  sampleEvery?: number;
  /** Sees every answer as it comes (status and body), for a caller that judges answers its own way. */
  onAnswer?: (status: number, body: string) => void;
}

export interface LoadErrors {
  non2xx: number;
  /** 2xx answers carrying a top-level `errors` list. */
  graphql: number;
  /** Sampled answers whose data was not what the workload asks for. */
  wrongAnswers: number;
  /** Connection errors and time-outs. */
  transport: number;
  total: number;
}

/** What one run saw, kept raw so that runs against the same target can be pooled. */
export interface LoadSample {
  latenciesMs: number[];
  durationSeconds: number;
  errors: LoadErrors;
  sampledAnswers: number;
  firstError?: string;
}

export interface LoadResult {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number };
  errors: LoadErrors;
  sampledAnswers: number;
  /** The start of the first failed answer, to say what went wrong. */
  firstError?: string;
}

/** One bounded autocannon run (loopback only: the callers pass local URLs). */
export async function runLoad(options: LoadOptions): Promise<LoadSample> {
  const bodies = options.bodies.map((body) => JSON.stringify(body));
  const sampleEvery = options.sampleEvery ?? 25;
  const latenciesMs: number[] = [];
  let next = 0;
  let answered = 0;
  let graphqlErrors = 0;
  let wrongAnswers = 0;
  let sampledAnswers = 0;
  let firstError: string | undefined;

  const onResponse = (status: number, body: string) => {
    answered++;
    options.onAnswer?.(status, body);
    const ok = status >= 200 && status < 300;
    const withErrors = ok && body.includes('"errors":');
    if (!ok || withErrors) firstError ??= `${status} ${body.slice(0, 300)}`;
    if (withErrors) graphqlErrors++;
    if (!ok || withErrors || answered % sampleEvery !== 0) return;
    sampledAnswers++;
    try {
      if (!options.check((JSON.parse(body) as { data?: Record<string, unknown> | null }).data)) wrongAnswers++;
    } catch {
      wrongAnswers++;
    }
  };

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: 'POST',
        connections: options.connections,
        duration: options.durationSeconds,
        maxOverallRequests: options.maxRequests,
        // autocannon writes content-length into the headers it is given: each request gets a copy.
        requests: [{ setupRequest: (request) => ({ ...request, headers: { ...options.headers() }, body: bodies[next++ % bodies.length] }), onResponse }],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    // The typings predate autocannon 8, whose 'response' event passes the client first.
    (instance as NodeJS.EventEmitter).on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latenciesMs.push(responseTime);
    });
  });

  return {
    latenciesMs,
    durationSeconds: result.duration,
    errors: {
      non2xx: result.non2xx,
      graphql: graphqlErrors,
      wrongAnswers,
      // autocannon counts time-outs among its errors.
      transport: result.errors,
      total: result.non2xx + graphqlErrors + wrongAnswers + result.errors,
    },
    sampledAnswers,
    firstError,
  };
}

/** Pools runs against one target: latencies together, counts and durations summed. */
export function summarize(samples: LoadSample[]): LoadResult {
  const latencies = samples.flatMap((sample) => sample.latenciesMs).sort((a, b) => a - b);
  const durationSeconds = samples.reduce((sum, sample) => sum + sample.durationSeconds, 0);
  const sum = (pick: (errors: LoadErrors) => number) => samples.reduce((total, sample) => total + pick(sample.errors), 0);
  return {
    requests: latencies.length,
    durationSeconds,
    requestsPerSecond: durationSeconds > 0 ? latencies.length / durationSeconds : 0,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
    errors: {
      non2xx: sum((e) => e.non2xx),
      graphql: sum((e) => e.graphql),
      wrongAnswers: sum((e) => e.wrongAnswers),
      transport: sum((e) => e.transport),
      total: sum((e) => e.total),
    },
    sampledAnswers: samples.reduce((total, sample) => total + sample.sampledAnswers, 0),
    firstError: samples.find((sample) => sample.firstError)?.firstError,
  };
}
