import { createAuditStore, type AuditStore } from '../src/createAuditStore';
import { GENESIS_HASH, hashEntry } from '../src/hashEntry';
import { dropSchema, preparedSchema, TEST_DATABASE_URL } from './fixtures/testSchema';
import { residentId, sampleEntry } from './fixtures/sampleEntry';

let schema: string;
const stores: AuditStore[] = [];
const openStore = (): AuditStore => {
  const store = createAuditStore({ databaseUrl: TEST_DATABASE_URL, schema, timeoutMs: 10_000 });
  stores.push(store);
  return store;
};

beforeEach(async () => {
  schema = await preparedSchema();
});
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await dropSchema(schema);
});

// Correctness under concurrency, not speed: two hundred appends through five pools may take a while on a busy machine.
test('five processes appending forty entries each at once make one gap-free chain that verifies', async () => {
  const writers = Array.from({ length: 5 }, openStore);
  const appended = (
    await Promise.all(
      writers.map((store, writer) =>
        Promise.all(Array.from({ length: 40 }, (_, n) => store.append(sampleEntry({ requestId: `w${writer}-${n}`, residentIds: [residentId(n)] })))),
      ),
    )
  ).flat();

  expect(appended.map((record) => record.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  const bySequence = [...appended].sort((a, b) => a.sequence - b.sequence);
  bySequence.forEach((record, i) => {
    expect(record.previousHash).toBe(i === 0 ? GENESIS_HASH : bySequence[i - 1]!.hash);
    expect(hashEntry(record)).toBe(record.hash);
  });
  const report = await writers[0]!.verify({ batchSize: 64 });
  expect(report).toEqual({
    intact: true,
    checked: 200,
    served: 200,
    refused: 0,
    head: { sequence: 200, hash: bySequence[199]!.hash },
    firstBreak: null,
    anchors: { checked: 0, newest: null },
  });
}, 30_000);

test('append returns the record as stored, optional fields empty as null', async () => {
  const store = openStore();
  const before = Date.now();
  const record = await store.append({
    ...sampleEntry({ outcome: 'REFUSED', purposeCode: null }),
    operationId: undefined,
    department: undefined,
    purposeReference: undefined,
  });
  expect(record).toMatchObject({
    sequence: 1,
    operationId: null,
    department: null,
    purposeCode: null,
    purposeReference: null,
    outcome: 'REFUSED',
    previousHash: GENESIS_HASH,
  });
  expect(record.recordedAt.getTime()).toBeGreaterThanOrEqual(before);
  expect(await store.latest(1)).toEqual([record]);
  expect(await store.verify()).toMatchObject({ intact: true, checked: 1, served: 0, refused: 1 });
});

test('latest gives the newest entries first', async () => {
  const store = openStore();
  for (const requestId of ['a', 'b', 'c', 'd']) await store.append(sampleEntry({ requestId }));
  expect((await store.latest(3)).map((record) => [record.sequence, record.requestId])).toEqual([
    [4, 'd'],
    [3, 'c'],
    [2, 'b'],
  ]);
  await expect(store.latest(0)).rejects.toThrow(RangeError);
});

test('accessLog answers who read a resident, newest first, page by page', async () => {
  const store = openStore();
  const watched = residentId(7);
  const readers: string[] = [];
  for (let n = 0; n < 12; n++) {
    const readsWatched = n % 3 !== 1;
    const subject = `clerk-${n}`;
    if (readsWatched) readers.push(subject);
    await store.append(sampleEntry({ subject, residentIds: readsWatched ? [residentId(100 + n), watched] : [residentId(100 + n)] }));
  }
  const newestFirst = [...readers].reverse();

  const pages: string[][] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.accessLog({ residentId: watched, first: 3, after });
    pages.push(page.nodes.map((record) => record.subject));
    for (const record of page.nodes) expect(record.residentIds).toContain(watched);
    if (!page.pageInfo.hasNextPage) {
      expect(page.pageInfo.endCursor).toBe(page.nodes.length > 0 ? String(page.nodes.at(-1)!.sequence) : null);
      break;
    }
    after = page.pageInfo.endCursor;
  }
  expect(pages).toEqual([newestFirst.slice(0, 3), newestFirst.slice(3, 6), newestFirst.slice(6, 8)]);
  expect(await store.accessLog({ residentId: residentId(999) })).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  await expect(store.accessLog({ residentId: watched, first: 101 })).rejects.toThrow(RangeError);
  await expect(store.accessLog({ residentId: watched, after: 'abc' })).rejects.toThrow(RangeError);
});

test('checkHealth answers while the store is there and names AUDIT_UNAVAILABLE when its schema is gone', async () => {
  const store = openStore();
  await expect(store.checkHealth()).resolves.toBeUndefined();
  await dropSchema(schema);
  await expect(store.checkHealth()).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
  await expect(store.append(sampleEntry())).rejects.toMatchObject({ name: 'AuditUnavailableError', code: 'AUDIT_UNAVAILABLE' });
});
