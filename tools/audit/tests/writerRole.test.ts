import { Pool } from 'pg';
import { asAuditWriter, AUDIT_WRITER_ROLE } from '../src/auditWriterRole';
import { createAuditStore, type AuditStore } from '../src/createAuditStore';
import { dropSchema, preparedSchema, tamper, TEST_DATABASE_URL, withPool } from './fixtures/testSchema';
import { sampleEntry } from './fixtures/sampleEntry';

// The services' role on real PostgreSQL: it appends and reads, and every change of what is
// written is refused by privilege — while the owner (a superuser here) can still tamper.
let schema: string;
let writer: AuditStore;
const writerUrl = asAuditWriter(TEST_DATABASE_URL);

/** The SQL error one statement run as the writer role fails with, or null if it succeeds. */
const asWriter = (sql: string): Promise<{ code: string; message: string } | null> =>
  withPool(async (pool) => {
    try {
      await pool.query(`SET search_path TO "${schema}"`);
      await pool.query(sql);
      return null;
    } catch (error) {
      const { code, message } = error as { code: string; message: string };
      return { code, message };
    }
  }, writerUrl);

beforeEach(async () => {
  schema = await preparedSchema();
  writer = createAuditStore({ databaseUrl: writerUrl, schema, timeoutMs: 5000 });
});
afterEach(async () => {
  await writer.close();
  await dropSchema(schema);
});

it('connects as the writer role, not as the owner', async () => {
  const pool = new Pool({ connectionString: writerUrl, max: 1 });
  try {
    expect((await pool.query<{ user: string }>('SELECT current_user AS user')).rows[0]!.user).toBe(AUDIT_WRITER_ROLE);
  } finally {
    await pool.end();
  }
});

it('appends and reads entries, the chain moving as it does for the owner', async () => {
  const first = await writer.append(sampleEntry({ requestId: 'writer-1' }));
  const second = await writer.append(sampleEntry({ requestId: 'writer-2' }));
  expect([first.sequence, second.sequence]).toEqual([1, 2]);
  expect(second.previousHash).toBe(first.hash);
  expect(await writer.head()).toEqual({ sequence: 2, hash: second.hash });
  expect((await writer.latest(2)).map((record) => record.requestId)).toEqual(['writer-2', 'writer-1']);
  expect((await writer.verify()).firstBreak).toBeNull();
});

it.each([
  ['UPDATE an entry', "UPDATE audit_entry SET subject = 'nobody'", 'audit_entry'],
  ['DELETE an entry', 'DELETE FROM audit_entry', 'audit_entry'],
  ['TRUNCATE the trail', 'TRUNCATE audit_entry', 'audit_entry'],
  ['move the chain head', 'UPDATE audit_chain_head SET seq = 0', 'audit_chain_head'],
  ['reset the chain head', 'DELETE FROM audit_chain_head', 'audit_chain_head'],
])('refuses to %s by privilege', async (_what, sql, table) => {
  await writer.append(sampleEntry({ requestId: 'kept' }));
  expect(await asWriter(sql)).toEqual({ code: '42501', message: `permission denied for table ${table}` });
  expect((await writer.latest(1)).map((record) => record.requestId)).toEqual(['kept']);
});

it('leaves the owner able to tamper, as the verifier’s tests need', async () => {
  await writer.append(sampleEntry({ requestId: 'original' }));
  await tamper(schema, "UPDATE audit_entry SET request_id = 'rewritten'");
  expect((await writer.latest(1))[0]!.requestId).toBe('rewritten');
  expect((await writer.verify()).firstBreak).toMatchObject({ sequence: 1 });
});
