import { createAuditStore, type AuditStore } from '../src/createAuditStore';
import { GENESIS_HASH, hashEntry } from '../src/hashEntry';
import { dropSchema, preparedSchema, TEST_DATABASE_URL, withPool } from './fixtures/testSchema';
import { residentId, sampleEntry } from './fixtures/sampleEntry';

let schema: string;
const stores: AuditStore[] = [];
const openStore = (timeoutMs = 10_000): AuditStore => {
  const store = createAuditStore({ databaseUrl: TEST_DATABASE_URL, schema, timeoutMs });
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

test('append stores and returns the fields read, as given', async () => {
  const store = openStore();
  const fields = ['civilAffairs.disabilityGrade', 'Resident.name'];
  const record = await store.append(sampleEntry({ fields }));
  expect(record.fields).toEqual(fields);
  expect((await store.latest(1))[0]!.fields).toEqual(fields);
});

test('head is the genesis on an empty trail and the newest entry after appends', async () => {
  const store = openStore();
  expect(await store.head()).toEqual({ sequence: 0, hash: GENESIS_HASH });
  await store.append(sampleEntry({ requestId: 'a' }));
  const newest = await store.append(sampleEntry({ requestId: 'b' }));
  expect(await store.head()).toEqual({ sequence: 2, hash: newest.hash });
});

test('page sizes and counts are taken up to their maximum and refused beyond it, naming the limit', async () => {
  const store = openStore();
  await store.append(sampleEntry());
  await expect(store.accessLog({ residentId: residentId(1), first: 100 })).resolves.toMatchObject({ nodes: [{ sequence: 1 }] });
  await expect(store.latest(1000)).resolves.toHaveLength(1);
  await expect(store.accessLog({ residentId: residentId(1), first: 101 })).rejects.toThrow('first must be an integer from 1 to 100, got 101');
  await expect(store.latest(1001)).rejects.toThrow('count must be an integer from 1 to 1000, got 1001');
});

test('a page that is exactly full with nothing after it has no next page', async () => {
  const store = openStore();
  for (const requestId of ['a', 'b', 'c']) await store.append(sampleEntry({ requestId }));
  const page = await store.accessLog({ residentId: residentId(1), first: 3 });
  expect(page.nodes.map((record) => record.sequence)).toEqual([3, 2, 1]);
  expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: '1' });
});

test('cursors of several digits page on; anything but a plain positive number is refused as a cursor', async () => {
  const store = openStore();
  for (let n = 0; n < 12; n++) await store.append(sampleEntry({ requestId: `r${n}` }));
  const page = await store.accessLog({ residentId: residentId(1), first: 2, after: '12' });
  expect(page.nodes.map((record) => record.sequence)).toEqual([11, 10]);
  for (const after of ['x12', '12x', '0', '01', '12345678901234567']) {
    await expect(store.accessLog({ residentId: residentId(1), after })).rejects.toThrow(`not an access-log cursor: ${JSON.stringify(after)}`);
  }
});

test('a store is not created over a schema name that is not a plain identifier', () => {
  expect(() => createAuditStore({ databaseUrl: TEST_DATABASE_URL, schema: 'audit"; DROP SCHEMA audit; --' })).toThrow(RangeError);
});

test('when the store is gone, each read fails as AUDIT_UNAVAILABLE naming what failed', async () => {
  const store = openStore();
  await store.append(sampleEntry());
  await dropSchema(schema);
  await expect(store.latest(1)).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE', message: expect.stringMatching(/^audit store: latest failed: /) });
  await expect(store.accessLog({ residentId: residentId(1) })).rejects.toMatchObject({ message: expect.stringMatching(/^audit store: accessLog failed: /) });
  await expect(store.head()).rejects.toMatchObject({ message: expect.stringMatching(/^audit store: head failed: /) });
  await expect(store.checkHealth()).rejects.toMatchObject({ message: expect.stringMatching(/^audit store: health check failed: /) });
});

test('reads may wait ten times the append time limit: a read held up longer than an append may wait still answers', async () => {
  const store = openStore(400);
  await store.append(sampleEntry());
  await withPool(async (pool) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`LOCK TABLE "${schema}".audit_entry IN ACCESS EXCLUSIVE MODE`);
      const read = store.latest(1);
      // Held past the append's 400 ms, well inside the read's 4 s.
      await new Promise((resolve) => setTimeout(resolve, 800));
      await client.query('COMMIT');
      await expect(read).resolves.toHaveLength(1);
    } finally {
      client.release();
    }
  });
});
