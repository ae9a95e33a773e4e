import { createAuditStore, type AuditStore } from '../src/createAuditStore';
import { contentDigest, chainHash } from '../src/hashEntry';
import type { AuditRecord } from '../src/AuditEntry';
import { dropSchema, preparedSchema, tamper, TEST_DATABASE_URL } from './fixtures/testSchema';
import { residentId, sampleEntry } from './fixtures/sampleEntry';

// Each test starts from a fresh trail of ten entries and changes the table behind the
// store's back, as someone with the database's superuser rights could.
const ENTRIES = 10;
let schema: string;
let store: AuditStore;
let records: AuditRecord[];

beforeEach(async () => {
  schema = await preparedSchema();
  store = createAuditStore({ databaseUrl: TEST_DATABASE_URL, schema, timeoutMs: 5000 });
  records = [];
  for (let n = 1; n <= ENTRIES; n++) records.push(await store.append(sampleEntry({ requestId: `req-${n}`, residentIds: [residentId(n)] })));
});
afterEach(async () => {
  await store.close();
  await dropSchema(schema);
});

const firstBreak = async (batchSize?: number) => (await store.verify({ batchSize })).firstBreak;

/** Moves entry `from` to sequence `to` (which must be free). */
const renumber = (from: number, to: number) => tamper(schema, 'UPDATE audit_entry SET seq = $2 WHERE seq = $1', [from, to]);

/** A forged entry with a well-formed hash over its own content, sequence and previous hash. */
function forge(sequence: number, previousHash: string) {
  const entry = sampleEntry({ requestId: 'forged', subject: 'nobody' });
  const content = {
    ...entry,
    residentIds: [...entry.residentIds],
    fields: ['name'],
    recordedAt: new Date(),
    operationId: null,
    department: null,
    purposeReference: null,
  };
  return { ...content, sequence, previousHash, hash: chainHash(contentDigest(content), sequence, previousHash) };
}
type Forged = ReturnType<typeof forge>;

const COLUMNS = 'seq, recorded_at, request_id, subgraph, subject, role, purpose_code, resident_ids, fields, outcome, prev_hash, hash';
const columnValues = (forged: Forged): unknown[] => [
  forged.sequence,
  forged.recordedAt,
  forged.requestId,
  forged.subgraph,
  forged.subject,
  forged.role,
  forged.purposeCode,
  forged.residentIds,
  forged.fields,
  forged.outcome,
  forged.previousHash,
  forged.hash,
];
const insertForged = (forged: Forged) =>
  tamper(schema, `INSERT INTO audit_entry (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, columnValues(forged));

test('an untouched trail verifies intact, read in batches smaller than the trail', async () => {
  expect(await store.verify({ batchSize: 3 })).toEqual({
    intact: true,
    checked: ENTRIES,
    served: ENTRIES,
    refused: 0,
    head: { sequence: ENTRIES, hash: records[ENTRIES - 1]!.hash },
    firstBreak: null,
    anchors: { checked: 0, newest: null },
  });
});

test.each([
  ['subject', `subject = 'someone-else'`],
  ['resident IDs', `resident_ids = '{}'`],
  ['fields', `fields = fields || '{civilAffairs.disabilityGrade}'::text[]`],
  ['outcome', `outcome = 'REFUSED'`],
  ['recorded at', `recorded_at = recorded_at - interval '1 day'`],
  ['purpose reference', 'purpose_reference = NULL'],
])('editing %s names the entry as EDITED', async (_, change) => {
  await tamper(schema, `UPDATE audit_entry SET ${change} WHERE seq = 8`);
  expect(await firstBreak(3)).toMatchObject({ sequence: 8, kind: 'EDITED' });
});

test('deleting an entry names it MISSING', async () => {
  await tamper(schema, 'DELETE FROM audit_entry WHERE seq IN (4, 5)');
  expect(await firstBreak()).toEqual({ sequence: 4, kind: 'MISSING', detail: 'entries 4 to 5 are missing' });
});

test('deleting the last entries names them MISSING against the chain head', async () => {
  await tamper(schema, 'DELETE FROM audit_entry WHERE seq >= 9');
  expect(await firstBreak()).toMatchObject({ sequence: 9, kind: 'MISSING' });
  expect((await store.verify()).checked).toBe(8);
});

test.each([
  [3, 7],
  [5, 6],
  [2, ENTRIES],
])('swapping the sequence numbers of entries %i and %i names the first REORDERED', async (a, b) => {
  await renumber(a, 1_000_000);
  await renumber(b, a);
  await renumber(1_000_000, b);
  expect(await firstBreak(4)).toEqual({ sequence: a, kind: 'REORDERED', detail: `entry ${a} holds the entry made as ${b}` });
});

test('a forged entry put in place of a deleted one breaks the link of the entry after it', async () => {
  await tamper(schema, 'DELETE FROM audit_entry WHERE seq = 5');
  await insertForged(forge(5, records[3]!.hash));
  expect(await firstBreak()).toEqual({ sequence: 6, kind: 'BROKEN_LINK', detail: 'entry 6 does not link to entry 5' });
});

test('a forged entry appended behind the chain head lies beyond it', async () => {
  await insertForged(forge(ENTRIES + 1, records[ENTRIES - 1]!.hash));
  expect(await firstBreak()).toMatchObject({ sequence: ENTRIES + 1, kind: 'BROKEN_LINK' });
});

test('a forged entry with a made-up hash is EDITED', async () => {
  await insertForged({ ...forge(ENTRIES + 1, records[ENTRIES - 1]!.hash), hash: 'f'.repeat(64) });
  expect(await firstBreak()).toMatchObject({ sequence: ENTRIES + 1, kind: 'EDITED' });
});

test('an entry rewritten with a recomputed hash breaks the link of the entry after it', async () => {
  await tamper(
    schema,
    `UPDATE audit_entry SET (${COLUMNS}) = ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12), department = NULL, operation_id = NULL, purpose_reference = NULL WHERE seq = 3`,
    columnValues(forge(3, records[1]!.hash)),
  );
  expect(await firstBreak()).toEqual({ sequence: 4, kind: 'BROKEN_LINK', detail: 'entry 4 does not link to entry 3' });
});

test('the newest entry rewritten with a recomputed hash is told apart by the chain head, the only record after it', async () => {
  await tamper(
    schema,
    `UPDATE audit_entry SET (${COLUMNS}) = ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12), department = NULL, operation_id = NULL, purpose_reference = NULL WHERE seq = ${ENTRIES}`,
    columnValues(forge(ENTRIES, records[ENTRIES - 2]!.hash)),
  );
  expect(await store.verify()).toMatchObject({
    intact: false,
    checked: ENTRIES - 1,
    firstBreak: { sequence: ENTRIES, kind: 'BROKEN_LINK', detail: `the chain head records another entry ${ENTRIES}` },
  });
});

test('with the chain head row deleted, an append is refused as AUDIT_UNAVAILABLE rather than written unchained', async () => {
  await tamper(schema, 'DELETE FROM audit_chain_head');
  await expect(store.append(sampleEntry())).rejects.toMatchObject({
    code: 'AUDIT_UNAVAILABLE',
    message: 'audit store: append failed: the audit chain head is missing',
  });
});

test('appending after tampering still extends the recorded head, so the break stays visible', async () => {
  await tamper(schema, 'DELETE FROM audit_entry WHERE seq = 2');
  await store.append(sampleEntry());
  expect(await store.verify()).toMatchObject({ intact: false, checked: 1, head: { sequence: ENTRIES + 1 }, firstBreak: { sequence: 2, kind: 'MISSING' } });
});

test('deleting one entry names it alone as MISSING', async () => {
  await tamper(schema, 'DELETE FROM audit_entry WHERE seq = 6');
  expect(await firstBreak()).toEqual({ sequence: 6, kind: 'MISSING', detail: 'entry 6 is missing' });
});

test('the last entries deleted are named MISSING up to the chain head, saying where the trail ends', async () => {
  await tamper(schema, 'DELETE FROM audit_entry WHERE seq >= 9');
  expect(await firstBreak()).toEqual({ sequence: 9, kind: 'MISSING', detail: `the trail ends at 8, the chain head is at ${ENTRIES}` });
});

test('an edited entry is named EDITED with a detail saying its hash does not match', async () => {
  await tamper(schema, `UPDATE audit_entry SET subject = 'someone-else' WHERE seq = 4`);
  expect(await firstBreak()).toEqual({ sequence: 4, kind: 'EDITED', detail: 'entry 4 does not match its hash' });
});

test('an entry both moved and edited is EDITED, not REORDERED', async () => {
  await renumber(3, 1_000_000);
  await renumber(7, 3);
  await renumber(1_000_000, 7);
  await tamper(schema, `UPDATE audit_entry SET subject = 'someone-else' WHERE seq = 3`);
  expect(await firstBreak()).toEqual({ sequence: 3, kind: 'EDITED', detail: 'entry 3 does not match its hash' });
});

test('a forged entry made for the head’s sequence, put elsewhere while the head records another, is EDITED, not REORDERED', async () => {
  const forged = forge(ENTRIES, 'c'.repeat(64));
  await tamper(
    schema,
    `UPDATE audit_entry SET (${COLUMNS}) = ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12), department = NULL, operation_id = NULL, purpose_reference = NULL WHERE seq = 4`,
    columnValues({ ...forged, sequence: 4 }),
  );
  expect(await firstBreak()).toEqual({ sequence: 4, kind: 'EDITED', detail: 'entry 4 does not match its hash' });
});

test('a forged first entry that does not link to the genesis is a BROKEN_LINK naming the genesis', async () => {
  await tamper(
    schema,
    `UPDATE audit_entry SET (${COLUMNS}) = ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12), department = NULL, operation_id = NULL, purpose_reference = NULL WHERE seq = 1`,
    columnValues(forge(1, 'e'.repeat(64))),
  );
  expect(await firstBreak()).toEqual({ sequence: 1, kind: 'BROKEN_LINK', detail: 'entry 1 does not link to the genesis' });
});

test('a forged entry behind the chain head is named with the head’s sequence', async () => {
  await insertForged(forge(ENTRIES + 1, records[ENTRIES - 1]!.hash));
  expect(await firstBreak()).toEqual({ sequence: ENTRIES + 1, kind: 'BROKEN_LINK', detail: `entry ${ENTRIES + 1} lies beyond the chain head at ${ENTRIES}` });
});

test('the walk reads entries in sequence order, not in the order the table happens to store them', async () => {
  // An update that changes nothing still writes a new row version at the end of the table.
  await tamper(schema, 'UPDATE audit_entry SET subject = subject WHERE seq IN (2, 5)');
  expect(await store.verify({ batchSize: 4 })).toMatchObject({ intact: true, checked: ENTRIES });
});

test('a walk that outlasts its time limit fails rather than reporting on part of the trail', async () => {
  await expect(store.verify({ batchSize: 1, timeoutMs: 1 })).rejects.toThrow(/timeout|expired|closed/i);
});
