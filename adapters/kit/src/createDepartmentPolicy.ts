import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
} from 'cockatiel';
import type { DepartmentId } from '@resident-graph/schemas';
import { DepartmentError } from './DepartmentError';
import { logDepartmentCalls } from './logDepartmentCalls';

export interface DepartmentPolicyOptions {
  department: DepartmentId;
  /** Time limit of one attempt. @default 2000 */
  timeoutMs?: number;
  /** Further attempts after a failure that may be transient. @default 2 */
  retries?: number;
  /** Consecutive failures that open the circuit. @default 5 */
  breakAfter?: number;
  /** How long an open circuit refuses calls before trying one again. @default 10000 */
  halfOpenAfterMs?: number;
}

/** A call to a department's system, given an abort signal that fires on time-out. */
export type DepartmentCall<T> = (signal: AbortSignal) => Promise<T>;

/**
 * Time-out, retry with back-off, and a circuit breaker around every call to a
 * department, with failures translated into `DepartmentError`s. A bad response is not
 * retried: asking again returns the same malformed answer.
 */
export function createDepartmentPolicy(options: DepartmentPolicyOptions) {
  const { department } = options;
  const isTransient = handleWhen((error) => !(error instanceof DepartmentError && error.code === 'DEPARTMENT_BAD_RESPONSE'));
  const policy = wrap(
    circuitBreaker(isTransient, {
      halfOpenAfter: options.halfOpenAfterMs ?? 10_000,
      breaker: new ConsecutiveBreaker(options.breakAfter ?? 5),
    }),
    retry(isTransient, { maxAttempts: options.retries ?? 2, backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 500 }) }),
    timeout(options.timeoutMs ?? 2_000, TimeoutStrategy.Aggressive),
  );

  return logDepartmentCalls(department, async function execute<T>(call: DepartmentCall<T>): Promise<T> {
    try {
      return await policy.execute(({ signal }) => call(signal));
    } catch (error) {
      if (error instanceof DepartmentError) throw error;
      if (error instanceof TaskCancelledError) {
        throw new DepartmentError('DEPARTMENT_TIMEOUT', department, `no answer within ${options.timeoutMs ?? 2_000} ms`, { cause: error });
      }
      if (error instanceof BrokenCircuitError) {
        throw new DepartmentError('DEPARTMENT_UNAVAILABLE', department, 'circuit open after repeated failures', { cause: error });
      }
      throw new DepartmentError('DEPARTMENT_UNAVAILABLE', department, error instanceof Error ? error.message : String(error), { cause: error });
    }
  });
}
export type DepartmentPolicy = ReturnType<typeof createDepartmentPolicy>;
