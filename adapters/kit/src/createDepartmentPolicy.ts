import {
  BrokenCircuitError,
  BulkheadRejectedError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
} from 'cockatiel';
import type { DepartmentId } from '@resident-graph/schemas';
import { DepartmentError } from './DepartmentError';
import { RESILIENCE_ENV, resolveResilience, type DepartmentResilience } from './departmentResilience';
import { logDepartmentCalls } from './logDepartmentCalls';

/** The department, and any resilience settings that differ from the defaults (other members are ignored). */
export interface DepartmentPolicyOptions extends Partial<DepartmentResilience> {
  department: DepartmentId;
}

const BACKOFF_INITIAL_MS = 50;
const BACKOFF_MAX_MS = 500;

/**
 * The longest a call can take once it holds a bulkhead slot: every attempt timing out, with
 * the longest back-off between them. A department's answers, failed or not, should come
 * within this (plus the subgraph's and gateway's own time); fault and load runs check it.
 */
export function callBudgetMs(settings: Pick<DepartmentResilience, 'timeoutMs' | 'retries'>): number {
  return (settings.retries + 1) * settings.timeoutMs + settings.retries * BACKOFF_MAX_MS;
}

/** A call to a department's system, given an abort signal that fires on time-out. */
export type DepartmentCall<T> = (signal: AbortSignal) => Promise<T>;

/** The circuit breaker's state as readiness reports it. */
export type BreakerState = 'closed' | 'open' | 'half-open' | 'isolated';

const BREAKER_STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

export interface DepartmentPolicy {
  <T>(call: DepartmentCall<T>): Promise<T>;
  /** The settings in force (defaults with the options on top). */
  readonly settings: DepartmentResilience;
  /** The breaker's state now: `open` while it refuses calls. */
  breakerState(): BreakerState;
}

/**
 * A bulkhead (at most `maxConcurrent` calls under way, `maxQueued` waiting), a circuit
 * breaker, retry with back-off and a time-out per attempt around every call to a
 * department, with failures translated into `DepartmentError`s. A bad response is not
 * retried: asking again returns the same malformed answer. The bulkhead is outermost, so a
 * call it refuses costs the system nothing and does not count against the breaker.
 * Settings are validated here too: a bad one throws naming it.
 */
export function createDepartmentPolicy(options: DepartmentPolicyOptions): DepartmentPolicy {
  const { department } = options;
  // Only the resilience settings: an adapter may pass its whole options object.
  const overrides = Object.fromEntries(Object.keys(RESILIENCE_ENV).map((key) => [key, options[key as keyof DepartmentResilience]]));
  const settings = resolveResilience(department, overrides);
  const isTransient = handleWhen((error) => !(error instanceof DepartmentError && error.code === 'DEPARTMENT_BAD_RESPONSE'));
  const breaker = circuitBreaker(isTransient, {
    halfOpenAfter: settings.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(settings.breakAfter),
  });
  const policy = wrap(
    bulkhead(settings.maxConcurrent, settings.maxQueued),
    breaker,
    retry(isTransient, { maxAttempts: settings.retries, backoff: new ExponentialBackoff({ initialDelay: BACKOFF_INITIAL_MS, maxDelay: BACKOFF_MAX_MS }) }),
    // A call that answered has nothing left to cancel: aborting its signal anyway (cockatiel's
    // default) made a DOMException, with its stack trace, for every call a department answered.
    timeout(settings.timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false }),
  );

  async function execute<T>(call: DepartmentCall<T>): Promise<T> {
    try {
      return await policy.execute(({ signal }) => call(signal));
    } catch (error) {
      if (error instanceof DepartmentError) throw error;
      if (error instanceof TaskCancelledError) {
        throw new DepartmentError('DEPARTMENT_TIMEOUT', department, `no answer within ${settings.timeoutMs} ms`, { cause: error });
      }
      if (error instanceof BulkheadRejectedError) {
        throw new DepartmentError(
          'DEPARTMENT_UNAVAILABLE',
          department,
          `too many calls at once: bulkhead full (${settings.maxConcurrent} under way, ${settings.maxQueued} waiting)`,
          { cause: error },
        );
      }
      if (error instanceof BrokenCircuitError) {
        throw new DepartmentError('DEPARTMENT_UNAVAILABLE', department, 'circuit open after repeated failures', { cause: error });
      }
      throw new DepartmentError('DEPARTMENT_UNAVAILABLE', department, error instanceof Error ? error.message : String(error), { cause: error });
    }
  }
  return Object.assign(logDepartmentCalls(department, execute), { settings, breakerState: () => BREAKER_STATES[breaker.state] });
}

const SEVERITY: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2, isolated: 3 };

/** The state to report for a system several policies guard (an adapter's lookups and its background index read): the worst. */
export function worstBreakerState(...policies: Pick<DepartmentPolicy, 'breakerState'>[]): BreakerState {
  return policies.map((policy) => policy.breakerState()).reduce<BreakerState>((worst, state) => (SEVERITY[state] > SEVERITY[worst] ? state : worst), 'closed');
}
