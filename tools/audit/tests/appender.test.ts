import { createAuditAppender, type AuditAppender } from '../src/append';
import { createAuditStore, type AuditStore } from '../src/createAuditStore';
import { hashEntry } from '../src/hashEntry';
import { dropSchema, preparedSchema, TEST_DATABASE_URL } from './fixtures/testSchema';
import { sampleEntry } from './fixtures/sampleEntry';

// The appender is what every subgraph but the audit subgraph writes with (`@resident-graph/audit/append`).
let schema: string;
let appender: AuditAppender;
let store: AuditStore;

beforeEach(async () => {
  schema = await preparedSchema();
  appender = createAuditAppender({ databaseUrl: TEST_DATABASE_URL, schema, timeoutMs: 10_000 });
  store = createAuditStore({ databaseUrl: TEST_DATABASE_URL, schema, timeoutMs: 10_000 });
});
afterEach(async () => {
  await Promise.all([appender.close(), store.close()]);
  await dropSchema(schema);
});

test('entries from appenders and the store at once make one chain the store reads back as appended and verifies', async () => {
  const second = createAuditAppender({ databaseUrl: TEST_DATABASE_URL, schema, timeoutMs: 10_000 });
  try {
    const writers = [appender, second, store];
    const appended = (
      await Promise.all(writers.map((writer, w) => Promise.all(Array.from({ length: 10 }, (_, n) => writer.append(sampleEntry({ requestId: `w${w}-${n}` }))))))
    ).flat();
    for (const record of appended) expect(hashEntry(record)).toBe(record.hash);
    const stored = await store.latest(30);
    expect([...stored].sort((a, b) => a.sequence - b.sequence)).toEqual([...appended].sort((a, b) => a.sequence - b.sequence));
    expect(await store.verify()).toMatchObject({ intact: true, checked: 30 });
  } finally {
    await second.close();
  }
});

test('an appender whose database does not answer refuses appends and health checks in time as AUDIT_UNAVAILABLE', async () => {
  const unreachable = createAuditAppender({ databaseUrl: 'postgresql://postgres@127.0.0.1:1/test', schema, timeoutMs: 300 });
  try {
    await expect(unreachable.append(sampleEntry())).rejects.toMatchObject({ name: 'AuditUnavailableError', code: 'AUDIT_UNAVAILABLE' });
    await expect(unreachable.checkHealth()).rejects.toMatchObject({
      code: 'AUDIT_UNAVAILABLE',
      message: expect.stringMatching(/^audit store: health check failed: /),
    });
  } finally {
    await unreachable.close();
  }
  expect(await store.head()).toEqual({ sequence: 0, hash: '0'.repeat(64) });
});
