import type { IncomingMessage } from 'node:http';
import { operationScoped } from '../src/operationScoped';

const incoming = { headers: {} } as IncomingMessage;
const request = (operationId?: string): [string | undefined, IncomingMessage] => [operationId, incoming];

describe('operationScoped', () => {
  let created: number;
  const contextOf = (options = {}) => operationScoped(async () => ({ serial: ++created }), options);
  beforeEach(() => {
    created = 0;
  });

  it('gives every fetch of one operation the same context', async () => {
    const context = contextOf();
    const first = await context(...request('op-1'));
    expect(await context(...request('op-1'))).toBe(first);
    expect(created).toBe(1);
  });

  it('keeps operations apart', async () => {
    const context = contextOf();
    const a = await context(...request('op-1'));
    const b = await context(...request('op-2'));
    expect(a).not.toBe(b);
  });

  it('gives a request without an operation id a context of its own', async () => {
    const context = contextOf();
    expect(await context(...request())).not.toBe(await context(...request()));
  });

  it('forgets an operation after its time-to-live', async () => {
    const context = contextOf({ ttlMs: 20 });
    const first = await context(...request('op-1'));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await context(...request('op-1'))).not.toBe(first);
  });

  it('drops the oldest operation beyond the size limit', async () => {
    const context = contextOf({ maxEntries: 2 });
    const first = await context(...request('op-1'));
    await context(...request('op-2'));
    await context(...request('op-3'));
    expect(await context(...request('op-1'))).not.toBe(first);
  });

  it('does not keep a context whose creation failed', async () => {
    let fail = true;
    const context = operationScoped(async () => {
      if (fail) throw new Error('department down');
      return { ok: true };
    });
    await expect(context(...request('op-1'))).rejects.toThrow('department down');
    fail = false;
    await new Promise((resolve) => setImmediate(resolve));
    await expect(context(...request('op-1'))).resolves.toEqual({ ok: true });
  });
});
