import { outcomeOf } from '../src/deliverChange';

const answered = (status: number, body: Record<string, unknown> | null) => ({ kind: 'answered' as const, status, body });

describe("outcomeOf: what a department's answer to a delivery decides", () => {
  it.each([
    ['200 ACCEPTED', answered(200, { outcome: 'ACCEPTED' }), { state: 'ACCEPTED' }],
    ['200 REJECTED with its reason', answered(200, { outcome: 'REJECTED', reason: '已迁出' }), { state: 'REJECTED', reason: '已迁出' }],
    ['200 REJECTED without one', answered(200, { outcome: 'REJECTED' }), { state: 'REJECTED', reason: 'no reason given' }],
    [
      '400 BAD_USER_INPUT: its message, a decision',
      answered(400, { code: 'BAD_USER_INPUT', message: 'no such household' }),
      { state: 'REJECTED', reason: 'no such household' },
    ],
  ])('%s', (_case, result, outcome) => {
    expect(outcomeOf(result)).toEqual(outcome);
  });

  it.each([
    ['401 (a signature it refused)', answered(401, { code: 'UNAUTHENTICATED' }), 'answered 401'],
    ['503', answered(503, { message: 'maintenance' }), 'answered 503: maintenance'],
    ['500 without a body', answered(500, null), 'answered 500'],
    ['200 without a decision', answered(200, { outcome: 'MAYBE' }), 'answered 200'],
    ['400 that is not an input error', answered(400, { code: 'SOMETHING' }), 'answered 400'],
    ['no answer within the timeout', { kind: 'unreachable' as const, timedOut: true, message: 'no answer within 10000 ms' }, 'no answer within 10000 ms'],
    ['a department with no address', { kind: 'unconfigured' as const }, 'no address is configured for the department (CHANGES_DEPARTMENT_URLS)'],
  ])('%s: not decided, retried', (_case, result, retry) => {
    expect(outcomeOf(result)).toEqual({ retry });
  });
});
