import { createAuditStore, type AuditStore } from '../src/createAuditStore';
import { dropSchema, preparedSchema, TEST_DATABASE_URL, withPool } from './fixtures/testSchema';
import { sampleEntry } from './fixtures/sampleEntry';

// The trail is append-only in the database itself: an ordinary connection, as any service
// or person without superuser rights has, cannot change or remove what is written.
let schema: string;
let store: AuditStore;

beforeAll(async () => {
  schema = await preparedSchema();
  store = createAuditStore({ databaseUrl: TEST_DATABASE_URL, schema, timeoutMs: 5000 });
  for (const requestId of ['a', 'b', 'c']) await store.append(sampleEntry({ requestId }));
});
afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

const run = (sql: string, values: unknown[] = []) => withPool((pool) => pool.query(sql.replaceAll('$schema', `"${schema}"`), values));

test.each([
  ['UPDATE of an entry', `UPDATE $schema.audit_entry SET role = 'auditor' WHERE seq = 2`, /append-only: UPDATE on audit_entry/],
  ['DELETE of an entry', 'DELETE FROM $schema.audit_entry WHERE seq = 3', /append-only: DELETE on audit_entry/],
  ['TRUNCATE of the trail', 'TRUNCATE $schema.audit_entry', /append-only: TRUNCATE on audit_entry/],
  ['UPDATE of the chain head', 'UPDATE $schema.audit_chain_head SET seq = 2', /moves only with an appended entry: UPDATE/],
  ['DELETE of the chain head', 'DELETE FROM $schema.audit_chain_head', /moves only with an appended entry: DELETE/],
  [
    'a second chain head',
    'INSERT INTO $schema.audit_chain_head (id, seq, hash) VALUES (false, 0, $1)',
    /moves only with an appended entry: INSERT/,
    ['0'.repeat(64)],
  ],
])('%s is refused', async (_, sql, message, values = []) => {
  await expect(run(sql, values)).rejects.toThrow(message);
  expect(await store.verify()).toMatchObject({ intact: true, checked: 3 });
});

test.each([
  ['skips a sequence number', 5, 'head'],
  ['repeats the head', 3, 'head'],
  ['links elsewhere', 4, 'other'],
])('an insert that %s is refused', async (_, sequence, link) => {
  const [head] = (await run('SELECT hash FROM $schema.audit_chain_head')).rows as { hash: string }[];
  const previousHash = link === 'head' ? head!.hash : 'e'.repeat(64);
  await expect(
    run(
      `INSERT INTO $schema.audit_entry (seq, recorded_at, request_id, subgraph, subject, role, resident_ids, fields, outcome, prev_hash, hash)
       VALUES ($1, now(), 'x', 'grid', 'someone', 'grid-worker', '{}', '{}', 'SERVED', $2, $3)`,
      [sequence, previousHash, 'd'.repeat(64)],
    ),
  ).rejects.toThrow(/does not extend the chain head|duplicate key/);
  expect(await store.verify()).toMatchObject({ intact: true, checked: 3, head: { sequence: 3 } });
});
