import {
  DepartmentError,
  createDepartmentPolicy,
  resilienceFromEnv,
  resilienceToEnv,
  resolveResilience,
  worstBreakerState,
  callBudgetMs,
  DEFAULT_RESILIENCE,
} from '../src';

/** A call that stays under way until `release` is called. */
function heldCall() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let started = 0;
  const call = async () => {
    started++;
    await released;
    return 'answer';
  };
  return { call, release: () => release(), started: () => started };
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(DepartmentError);
  return { code: (error as DepartmentError).code, message: (error as DepartmentError).message };
}

describe('the bulkhead', () => {
  it('lets maxConcurrent calls run, queues maxQueued, refuses the next with DEPARTMENT_UNAVAILABLE saying the bulkhead is full', async () => {
    const execute = createDepartmentPolicy({ department: 'labour', maxConcurrent: 2, maxQueued: 1, retries: 0 });
    const held = heldCall();
    const running = [execute(held.call), execute(held.call), execute(held.call)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(held.started()).toBe(2); // the third waits in the queue

    const refused = await codeOf(execute(held.call));
    expect(refused.code).toBe('DEPARTMENT_UNAVAILABLE');
    expect(refused.message).toBe('labour: too many calls at once: bulkhead full (2 under way, 1 waiting)');

    held.release();
    await expect(Promise.all(running)).resolves.toEqual(['answer', 'answer', 'answer']);
    expect(held.started()).toBe(3);
    // With the slots free again, calls are let through.
    await expect(execute(async () => 'later')).resolves.toBe('later');
  });

  it('a refusal does not count against the breaker', async () => {
    const execute = createDepartmentPolicy({ department: 'labour', maxConcurrent: 1, maxQueued: 0, breakAfter: 1, retries: 0 });
    const held = heldCall();
    const running = execute(held.call);
    for (let i = 0; i < 3; i++) expect((await codeOf(execute(held.call))).code).toBe('DEPARTMENT_UNAVAILABLE');
    expect(execute.breakerState()).toBe('closed');
    held.release();
    await running;
  });
});

describe('the breaker', () => {
  it('opens after breakAfter failed calls, refuses while open, lets one through after halfOpenAfterMs', async () => {
    const execute = createDepartmentPolicy({ department: 'civil-affairs', breakAfter: 2, halfOpenAfterMs: 100, retries: 0 });
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('connection refused');
    };
    expect((await codeOf(execute(failing))).code).toBe('DEPARTMENT_UNAVAILABLE');
    expect(execute.breakerState()).toBe('closed');
    await codeOf(execute(failing));
    expect(execute.breakerState()).toBe('open');

    const refused = await codeOf(execute(failing));
    expect(refused).toEqual({ code: 'DEPARTMENT_UNAVAILABLE', message: 'civil-affairs: circuit open after repeated failures' });
    expect(calls).toBe(2); // the open circuit did not call

    await new Promise((resolve) => setTimeout(resolve, 120));
    await expect(execute(async () => 'back')).resolves.toBe('back');
    expect(execute.breakerState()).toBe('closed');
  });

  it('times an attempt out with DEPARTMENT_TIMEOUT naming the limit', async () => {
    const execute = createDepartmentPolicy({ department: 'family-planning', timeoutMs: 30, retries: 0 });
    const slow = () => new Promise((resolve) => setTimeout(resolve, 1_000, 'late').unref());
    expect(await codeOf(execute(slow))).toEqual({ code: 'DEPARTMENT_TIMEOUT', message: 'family-planning: no answer within 30 ms' });
  });

  it('cancels the attempt it timed out through its signal, and leaves the signal of a call that answered alone', async () => {
    const execute = createDepartmentPolicy({ department: 'family-planning', timeoutMs: 30, retries: 0 });
    const signals: AbortSignal[] = [];
    const untilCancelled = (signal: AbortSignal) =>
      new Promise((_, reject) => {
        signals.push(signal);
        // As a connection torn down by its signal fails: on a later turn of the event loop.
        signal.addEventListener('abort', () => setImmediate(() => reject(new Error('cancelled'))));
      });
    expect(await codeOf(execute(untilCancelled))).toMatchObject({ code: 'DEPARTMENT_TIMEOUT' });
    expect(signals[0]?.aborted).toBe(true);
    await execute(async (signal) => signals.push(signal));
    expect(signals[1]?.aborted).toBe(false);
  });
});

describe('settings', () => {
  it('the defaults with the given values on top, undefined meaning the default', () => {
    expect(createDepartmentPolicy({ department: 'labour', maxConcurrent: 3, timeoutMs: undefined }).settings).toEqual({
      ...DEFAULT_RESILIENCE,
      maxConcurrent: 3,
    });
  });

  it.each([
    [{ maxConcurrent: 0 }, 'labour.maxConcurrent'],
    [{ maxQueued: -1 }, 'labour.maxQueued'],
    [{ timeoutMs: 1.5 }, 'labour.timeoutMs'],
    [{ retries: 11 }, 'labour.retries'],
    [{ breakAfter: 0 }, 'labour.breakAfter'],
    [{ halfOpenAfterMs: 0 }, 'labour.halfOpenAfterMs'],
    [{ maxConcurent: 4 }, 'labour: Unrecognized key'],
  ])('a bad value %j fails naming %s', (value, named) => {
    expect(() => resolveResilience('labour', value)).toThrow(named);
  });

  it('a policy given a bad value fails at creation', () => {
    expect(() => createDepartmentPolicy({ department: 'grid', maxConcurrent: 0 })).toThrow('grid.maxConcurrent');
  });

  it('travel to a subgraph as environment and back unchanged; a bad variable fails naming it', () => {
    const settings = resolveResilience('labour', { timeoutMs: 700, retries: 1, breakAfter: 3, halfOpenAfterMs: 5_000, maxConcurrent: 4, maxQueued: 8 });
    const env = resilienceToEnv(settings);
    expect(env).toEqual({
      DEPARTMENT_TIMEOUT_MS: '700',
      DEPARTMENT_RETRIES: '1',
      DEPARTMENT_BREAK_AFTER: '3',
      DEPARTMENT_HALF_OPEN_AFTER_MS: '5000',
      DEPARTMENT_MAX_CONCURRENT: '4',
      DEPARTMENT_MAX_QUEUED: '8',
    });
    expect(resilienceFromEnv('subgraph-labour', env)).toEqual(settings);
    expect(resilienceFromEnv('subgraph-labour', {})).toEqual(DEFAULT_RESILIENCE);
    expect(() => resilienceFromEnv('subgraph-labour', { ...env, DEPARTMENT_MAX_CONCURRENT: '0' })).toThrow(
      /subgraph-labour: invalid settings — DEPARTMENT_MAX_CONCURRENT/,
    );
    expect(() => resilienceFromEnv('subgraph-labour', { ...env, DEPARTMENT_RETRIES: 'many' })).toThrow(/DEPARTMENT_RETRIES/);
  });
});

it('a system guarded by several policies reports the worst breaker', async () => {
  const lookups = createDepartmentPolicy({ department: 'civil-affairs', breakAfter: 1, retries: 0 });
  const scan = createDepartmentPolicy({ department: 'civil-affairs', breakAfter: 1, retries: 0 });
  expect(worstBreakerState(lookups, scan)).toBe('closed');
  await codeOf(scan(() => Promise.reject(new Error('down'))));
  expect([lookups.breakerState(), worstBreakerState(lookups, scan)]).toEqual(['closed', 'open']);
});

it('a call that keeps timing out fails within callBudgetMs', async () => {
  const settings = { timeoutMs: 40, retries: 2 };
  const execute = createDepartmentPolicy({ department: 'labour', ...settings });
  const started = Date.now();
  expect((await codeOf(execute(() => new Promise((resolve) => setTimeout(resolve, 5_000).unref())))).code).toBe('DEPARTMENT_TIMEOUT');
  const took = Date.now() - started;
  expect(took).toBeGreaterThanOrEqual(3 * 40);
  expect(took).toBeLessThanOrEqual(callBudgetMs(settings) + 100);
  expect(callBudgetMs(settings)).toBe(3 * 40 + 2 * 500);
});
