import { setTimeout as sleep } from 'node:timers/promises';
import type { AuditRecord } from '../src/AuditEntry';
import { AuditUnavailableError } from '../src/AuditUnavailableError';
import { createAuditStore, type AuditStore } from '../src/createAuditStore';
import { startTcpProxy, type TcpProxy } from '@resident-graph/test-kit';
import { dropSchema, preparedSchema, TEST_DATABASE_URL } from './fixtures/testSchema';
import { sampleEntry } from './fixtures/sampleEntry';

// The store reaches PostgreSQL through a relay the test can cut or silence, while two
// writers keep appending as subgraphs would under load.
const TIMEOUT_MS = 400;
// Timers and the event loop under a loaded test run: how late a refusal may come.
const SLACK_MS = 300;

let schema: string;
let proxy: TcpProxy;
let store: AuditStore;

beforeEach(async () => {
  schema = await preparedSchema();
  const target = new URL(TEST_DATABASE_URL);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  target.port = String(proxy.port);
  store = createAuditStore({ databaseUrl: target.toString(), schema, timeoutMs: TIMEOUT_MS });
});
afterEach(async () => {
  await store.close();
  await proxy.close();
  await dropSchema(schema);
});

interface Attempt {
  ok: boolean;
  ms: number;
  record?: AuditRecord;
  error?: unknown;
}

/** Appends in a loop from `writers` concurrent callers until `stop` resolves. */
async function keepAppending(writers: number, stop: Promise<void>): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  let stopped = false;
  void stop.then(() => (stopped = true));
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let n = 0; !stopped; n++) {
        const started = Date.now();
        try {
          const record = await store.append(sampleEntry({ requestId: `w${writer}-${n}` }));
          attempts.push({ ok: true, ms: Date.now() - started, record });
        } catch (error) {
          attempts.push({ ok: false, ms: Date.now() - started, error });
        }
        await sleep(5);
      }
    }),
  );
  return attempts;
}

async function outage(takeAway: () => void): Promise<Attempt[]> {
  // Connect before the clock starts: on a busy machine the first connection alone can outlast
  // the 300 ms of service the test counts on before the outage.
  await store.checkHealth();
  const load = keepAppending(
    2,
    (async () => {
      await sleep(300);
      takeAway();
      await sleep(1_500);
      proxy.restore();
      await sleep(600);
    })(),
  );
  return load;
}

function expectRefusedInTime(attempts: Attempt[]) {
  const refused = attempts.filter((attempt) => !attempt.ok);
  expect(refused.length).toBeGreaterThan(0);
  for (const attempt of refused) {
    expect(attempt.error).toBeInstanceOf(AuditUnavailableError);
    expect(attempt.error).toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    expect(attempt.ms).toBeLessThanOrEqual(TIMEOUT_MS + SLACK_MS);
  }
  // Served before the outage, refused during it, served again after it.
  const firstRefused = attempts.findIndex((attempt) => !attempt.ok);
  expect(attempts.slice(0, firstRefused).some((attempt) => attempt.ok)).toBe(true);
  expect(attempts.slice(attempts.findLastIndex((attempt) => !attempt.ok)).some((attempt) => attempt.ok)).toBe(true);
}

/**
 * Every served append is in the trail as returned, and the trail verifies without a gap.
 * A refused append may still be there: its statement can commit after the reply was lost.
 */
async function expectGapFreeChainOf(attempts: Attempt[]) {
  const served = attempts.flatMap((attempt) => (attempt.record ? [attempt.record] : []));
  const refused = attempts.length - served.length;
  await store.append(sampleEntry({ requestId: 'after' }));
  const report = await store.verify();
  expect(report).toMatchObject({ intact: true, firstBreak: null });
  expect(report.checked).toBeGreaterThanOrEqual(served.length + 1);
  expect(report.checked).toBeLessThanOrEqual(served.length + refused + 1);
  const trail = new Map((await store.latest(report.checked)).map((record) => [record.sequence, record]));
  for (const record of served) expect(trail.get(record.sequence)).toEqual(record);
}

test('the link drops: appends fail at once with AUDIT_UNAVAILABLE, then the chain goes on without a gap', async () => {
  const attempts = await outage(() => proxy.cut());
  expectRefusedInTime(attempts);
  await expectGapFreeChainOf(attempts);
});

test('the database stops answering: appends fail at the time limit with AUDIT_UNAVAILABLE, then the chain goes on without a gap', async () => {
  const attempts = await outage(() => proxy.stall());
  expectRefusedInTime(attempts);
  expect(attempts.filter((attempt) => !attempt.ok).some((attempt) => attempt.ms >= TIMEOUT_MS - 20)).toBe(true);
  await expectGapFreeChainOf(attempts);
});

test('checkHealth reports the outage and the return', async () => {
  await expect(store.checkHealth()).resolves.toBeUndefined();
  proxy.stall();
  await expect(store.checkHealth()).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
  proxy.restore();
  await expect(store.checkHealth()).resolves.toBeUndefined();
});
