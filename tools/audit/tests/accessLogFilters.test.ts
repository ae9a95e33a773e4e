import { createAuditStore, type AccessLogQuery, type AuditStore } from '../src/createAuditStore';
import { dropSchema, preparedSchema, TEST_DATABASE_URL } from './fixtures/testSchema';
import { residentId, sampleEntry } from './fixtures/sampleEntry';

// Six reads at known instants, a minute apart: two callers, two residents.
//   request  subject  resident  recorded at (UTC)
//   r1       zhang    A         2026-12-01T09:00:00.000Z
//   r2       li       A         2026-12-01T09:01:00.000Z
//   r3       zhang    B         2026-12-01T09:02:00.000Z
//   r4       li       B         2026-12-01T09:03:00.000Z
//   r5       zhang    A, B      2026-12-01T09:04:00.000Z
//   r6       wang     A         2026-12-01T09:05:00.000Z
const RESIDENT_A = residentId(1);
const RESIDENT_B = residentId(2);
const minute = (n: number) => new Date(Date.UTC(2026, 11, 1, 9, n));
const READS = [
  { requestId: 'r1', subject: 'zhang', residentIds: [RESIDENT_A] },
  { requestId: 'r2', subject: 'li', residentIds: [RESIDENT_A] },
  { requestId: 'r3', subject: 'zhang', residentIds: [RESIDENT_B] },
  { requestId: 'r4', subject: 'li', residentIds: [RESIDENT_B] },
  { requestId: 'r5', subject: 'zhang', residentIds: [RESIDENT_A, RESIDENT_B] },
  { requestId: 'r6', subject: 'wang', residentIds: [RESIDENT_A] },
];

let schema: string;
let store: AuditStore;

beforeAll(async () => {
  schema = await preparedSchema();
  let clock = minute(0);
  store = createAuditStore({ databaseUrl: TEST_DATABASE_URL, schema, timeoutMs: 10_000, now: () => clock });
  for (const [n, read] of READS.entries()) {
    clock = minute(n);
    await store.append(sampleEntry(read));
  }
});
afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

const requestsFound = async (query: AccessLogQuery) => (await store.accessLog(query)).nodes.map((record) => record.requestId);

test('the clock the store was given is what each entry records', async () => {
  expect((await store.latest(6)).map((record) => record.recordedAt)).toEqual([5, 4, 3, 2, 1, 0].map(minute));
});

describe('each filter alone, newest first', () => {
  test('by resident: every entry naming them', async () => {
    expect(await requestsFound({ residentId: RESIDENT_B })).toEqual(['r5', 'r4', 'r3']);
    expect(await requestsFound({ residentId: RESIDENT_B, subject: null, from: null, to: null })).toEqual(['r5', 'r4', 'r3']);
  });

  test('by caller: every entry of that subject and no other', async () => {
    expect(await requestsFound({ subject: 'zhang' })).toEqual(['r5', 'r3', 'r1']);
    // The audit subgraph gives the filters it was not asked for as null.
    expect(await requestsFound({ subject: 'zhang', residentId: null, from: null, to: null })).toEqual(['r5', 'r3', 'r1']);
    expect(await requestsFound({ subject: 'nobody' })).toEqual([]);
  });

  test('from an instant: an entry recorded at that very instant is in', async () => {
    expect(await requestsFound({ from: minute(4) })).toEqual(['r6', 'r5']);
    expect(await requestsFound({ from: minute(4), to: null, residentId: null, subject: null })).toEqual(['r6', 'r5']);
    expect(await requestsFound({ from: new Date(minute(4).getTime() + 1) })).toEqual(['r6']);
  });

  test('to an instant: an entry recorded at that very instant is out, one a millisecond before is in', async () => {
    expect(await requestsFound({ to: minute(1) })).toEqual(['r1']);
    expect(await requestsFound({ to: minute(1), from: null, residentId: null, subject: null })).toEqual(['r1']);
    expect(await requestsFound({ to: new Date(minute(1).getTime() + 1) })).toEqual(['r2', 'r1']);
  });
});

describe('filters together: an entry must match each one', () => {
  test('resident and caller', async () => {
    expect(await requestsFound({ residentId: RESIDENT_A, subject: 'zhang' })).toEqual(['r5', 'r1']);
    expect(await requestsFound({ residentId: RESIDENT_B, subject: 'wang' })).toEqual([]);
  });

  test('a range: from its start up to but not including its end', async () => {
    expect(await requestsFound({ from: minute(1), to: minute(4) })).toEqual(['r4', 'r3', 'r2']);
  });

  test('consecutive ranges share no entry and miss none', async () => {
    const ranges = [minute(0), minute(2), minute(5), minute(6)];
    const found = await Promise.all(ranges.slice(1).map((to, n) => requestsFound({ from: ranges[n], to })));
    expect(found).toEqual([['r2', 'r1'], ['r5', 'r4', 'r3'], ['r6']]);
  });

  test('caller, resident and range at once', async () => {
    expect(await requestsFound({ subject: 'li', residentId: RESIDENT_B, from: minute(1), to: minute(5) })).toEqual(['r4']);
    expect(await requestsFound({ subject: 'zhang', residentId: RESIDENT_A, from: minute(1), to: minute(5) })).toEqual(['r5']);
  });

  test('pages of a filtered log follow each other without gaps', async () => {
    const first = await store.accessLog({ subject: 'zhang', first: 2 });
    expect(first.nodes.map((record) => record.requestId)).toEqual(['r5', 'r3']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await store.accessLog({ subject: 'zhang', first: 2, after: first.pageInfo.endCursor });
    expect(second.nodes.map((record) => record.requestId)).toEqual(['r1']);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: '1' });
  });
});

describe('questions that make no sense are refused, naming what is wrong', () => {
  test('no filter at all', async () => {
    await expect(store.accessLog({})).rejects.toThrow(new RangeError('accessLog needs at least one of residentId, subject, from, to'));
    await expect(store.accessLog({ residentId: null, subject: null, from: null, to: null, first: 5 })).rejects.toThrow(RangeError);
  });

  test('an empty caller', async () => {
    await expect(store.accessLog({ subject: '' })).rejects.toThrow(new RangeError('subject must not be empty'));
  });

  test('a range that ends where or before it starts', async () => {
    await expect(store.accessLog({ from: minute(3), to: minute(3) })).rejects.toThrow(
      new RangeError('from (2026-12-01T09:03:00.000Z) must be before to (2026-12-01T09:03:00.000Z)'),
    );
    await expect(store.accessLog({ from: minute(4), to: minute(2) })).rejects.toThrow(
      new RangeError('from (2026-12-01T09:04:00.000Z) must be before to (2026-12-01T09:02:00.000Z)'),
    );
    await expect(requestsFound({ from: minute(3), to: new Date(minute(3).getTime() + 1) })).resolves.toEqual(['r4']);
  });

  test('a time that is no time', async () => {
    await expect(store.accessLog({ from: new Date('not a date') })).rejects.toThrow(new RangeError('from is not a valid time'));
    await expect(store.accessLog({ to: new Date(Number.NaN) })).rejects.toThrow(new RangeError('to is not a valid time'));
  });
});
