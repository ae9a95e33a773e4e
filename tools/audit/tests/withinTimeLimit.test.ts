import { AuditUnavailableError } from '../src/AuditUnavailableError';
import { withinTimeLimit } from '../src/withinTimeLimit';

const never = new Promise<never>(() => undefined);

describe('withinTimeLimit', () => {
  it('settles with the work done in time', async () => {
    await expect(withinTimeLimit('append', 1_000, Promise.resolve('stored'))).resolves.toBe('stored');
  });

  it('reports work that fails as AUDIT_UNAVAILABLE, saying what failed and why', async () => {
    const failed = withinTimeLimit('append', 1_000, Promise.reject(new Error('connection reset')));
    await expect(failed).rejects.toBeInstanceOf(AuditUnavailableError);
    await expect(failed).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE', message: 'audit store: append failed: connection reset' });
    await expect(withinTimeLimit('latest', 1_000, Promise.reject('refused'))).rejects.toMatchObject({ message: 'audit store: latest failed: refused' });
  });

  it('gives up at the time limit with AUDIT_UNAVAILABLE, and not before', async () => {
    const started = Date.now();
    await expect(withinTimeLimit('append', 50, never)).rejects.toMatchObject({
      code: 'AUDIT_UNAVAILABLE',
      message: 'audit store: append had no answer within 50 ms',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('passes an AUDIT_UNAVAILABLE from the work on as it is', async () => {
    const unavailable = new AuditUnavailableError('audit store: the chain head is locked');
    await expect(withinTimeLimit('append', 1_000, Promise.reject(unavailable))).rejects.toBe(unavailable);
  });

  it('keeps the work’s own error as the cause', async () => {
    const reset = new Error('connection reset');
    await expect(withinTimeLimit('append', 1_000, Promise.reject(reset))).rejects.toMatchObject({ cause: reset });
  });

  it('leaves no timer running once the work has settled', async () => {
    jest.useFakeTimers();
    try {
      await expect(withinTimeLimit('append', 60_000, Promise.resolve('stored'))).resolves.toBe('stored');
      await expect(withinTimeLimit('append', 60_000, Promise.reject(new Error('reset')))).rejects.toThrow('reset');
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
