import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPair, type KeyLike } from 'jose';
import { createLogger } from '@resident-graph/service-kit';
import { AnchorFileError, readAnchors, writeAnchor } from '../src/auditAnchors';
import { createAuditStore, type AuditStore } from '../src/createAuditStore';
import { chainHash, contentDigest } from '../src/hashEntry';
import { startAnchoring } from '../src/startAnchoring';
import { GENESIS_HASH } from '../src/hashEntry';
import { dropSchema, preparedSchema, tamper, TEST_DATABASE_URL } from './fixtures/testSchema';
import { residentId, sampleEntry } from './fixtures/sampleEntry';

// Someone who can rewrite the audit table can also make it consistent again: delete the
// newest entries and move the chain head back, or rewrite entries with recomputed hashes
// all the way to a new head. The trail then verifies against itself; only the signed
// checkpoints kept outside the database give it away.
const ENTRIES = 10;
let schema: string;
let store: AuditStore;
let file: string;
let keys: { privateKey: KeyLike; publicKey: KeyLike };

beforeAll(async () => {
  keys = await generateKeyPair('ES256');
});
beforeEach(async () => {
  schema = await preparedSchema();
  store = createAuditStore({ databaseUrl: TEST_DATABASE_URL, schema, timeoutMs: 5000 });
  file = path.join(mkdtempSync(path.join(os.tmpdir(), 'audit-anchors-')), 'anchors.jsonl');
  for (let n = 1; n <= ENTRIES; n++) await store.append(sampleEntry({ requestId: `req-${n}`, residentIds: [residentId(n)] }));
});
afterEach(async () => {
  await store.close();
  await dropSchema(schema);
});

const anchorHead = async () => writeAnchor(file, keys.privateKey, await store.head());
const verifyAgainstAnchors = async () => store.verify({ anchors: await readAnchors(file, async () => keys.publicKey) });

/** Deletes the newest entries from `from` on and moves the head back to the entry before: a consistent, shorter chain. */
async function truncateFrom(from: number): Promise<void> {
  const [before] = await store.latest(ENTRIES - from + 2).then((records) => records.filter((record) => record.sequence === from - 1));
  await tamper(schema, 'DELETE FROM audit_entry WHERE seq >= $1', [from]);
  await tamper(schema, 'UPDATE audit_chain_head SET seq = $1, hash = $2', [from - 1, before!.hash]);
}

test('an untouched trail agrees with its checkpoints', async () => {
  await anchorHead();
  expect(await verifyAgainstAnchors()).toMatchObject({ intact: true, checked: ENTRIES, anchors: { checked: 1, newest: { sequence: ENTRIES } } });
});

test('deleting the newest entries and moving the head back verifies against itself, but not against the checkpoint: TRUNCATED', async () => {
  await anchorHead();
  await truncateFrom(8);
  expect(await store.verify()).toMatchObject({ intact: true, checked: 7 });
  expect(await verifyAgainstAnchors()).toMatchObject({
    intact: false,
    firstBreak: { sequence: ENTRIES, kind: 'TRUNCATED' },
  });
});

test('the newest entry rewritten with a recomputed hash and a head to match: REWRITTEN at the checkpoint', async () => {
  await anchorHead();
  const [newest] = await store.latest(1);
  const content = { ...newest!, subject: 'someone-else' };
  const hash = chainHash(contentDigest(content), newest!.sequence, newest!.previousHash);
  await tamper(schema, 'UPDATE audit_entry SET subject = $1, hash = $2 WHERE seq = $3', ['someone-else', hash, ENTRIES]);
  await tamper(schema, 'UPDATE audit_chain_head SET hash = $1', [hash]);
  expect(await store.verify()).toMatchObject({ intact: true });
  expect(await verifyAgainstAnchors()).toMatchObject({ intact: false, firstBreak: { sequence: ENTRIES, kind: 'REWRITTEN' } });
});

test('entries appended after the checkpoint leave it standing', async () => {
  await anchorHead();
  await store.append(sampleEntry({ requestId: 'later' }));
  expect(await verifyAgainstAnchors()).toMatchObject({ intact: true, checked: ENTRIES + 1, anchors: { newest: { sequence: ENTRIES } } });
});

test('a checkpoint signed with another key is refused, naming its line', async () => {
  await anchorHead();
  const stranger = await generateKeyPair('ES256');
  await writeAnchor(file, stranger.privateKey, { sequence: 3, hash: 'a'.repeat(64) });
  await expect(readAnchors(file, async () => keys.publicKey)).rejects.toThrow(AnchorFileError);
  await expect(readAnchors(file, async () => keys.publicKey)).rejects.toThrow(/line 2 /);
});

test('a checkpoint edited after signing is refused', async () => {
  await anchorHead();
  const [header, payload, signature] = readFileSync(file, 'utf8').trim().split('.');
  const edited = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sequence: 3 })).toString('base64url');
  writeFileSync(file, `${header}.${edited}.${signature}\n`);
  await expect(readAnchors(file, async () => keys.publicKey)).rejects.toThrow(/line 1 /);
});

test('anchoring writes a checkpoint when the head moved, and only then', async () => {
  const anchoring = startAnchoring({ store, file, privateKey: keys.privateKey, intervalMs: 60_000, logger: createLogger('anchoring-test') });
  await anchoring.anchorNow();
  await anchoring.anchorNow();
  await store.append(sampleEntry({ requestId: 'later' }));
  await anchoring.stop();
  const anchors = await readAnchors(file, async () => keys.publicKey);
  expect(anchors.map((anchor) => anchor.sequence)).toEqual([ENTRIES, ENTRIES + 1]);
  expect(anchors[1]!.hash).toBe((await store.head()).hash);
});

test('a checkpoint of the empty trail (sequence 0) names no entry and leaves the trail standing', async () => {
  const anchors = [{ sequence: 0, hash: GENESIS_HASH, anchoredAt: '2026-01-01T00:00:00.000Z' }];
  expect(await store.verify({ anchors })).toMatchObject({ intact: true, checked: ENTRIES, anchors: { checked: 1, newest: { sequence: 0 } } });
});

test('the newest checkpoint is the one of the highest sequence, in whatever order they are given', async () => {
  const [seventh] = (await store.latest(ENTRIES)).filter((record) => record.sequence === 7);
  const { hash } = await store.head();
  const anchors = [
    { sequence: 7, hash: seventh!.hash, anchoredAt: '2026-01-01T07:00:00.000Z' },
    { sequence: ENTRIES, hash, anchoredAt: '2026-01-01T10:00:00.000Z' },
    { sequence: 0, hash: GENESIS_HASH, anchoredAt: '2026-01-01T00:00:00.000Z' },
  ];
  expect(await store.verify({ anchors })).toMatchObject({ intact: true, anchors: { checked: 3, newest: anchors[1] } });
});

test('TRUNCATED names the earliest checkpoint the trail lost, with when it was signed', async () => {
  const [fifth] = (await store.latest(ENTRIES)).filter((record) => record.sequence === 5);
  const sixth = await store.latest(ENTRIES).then((records) => records.find((record) => record.sequence === 6)!);
  const { hash } = await store.head();
  await truncateFrom(5);
  const anchors = [
    { sequence: ENTRIES, hash, anchoredAt: '2026-01-01T10:00:00.000Z' },
    { sequence: 6, hash: sixth.hash, anchoredAt: '2026-01-01T06:00:00.000Z' },
    { sequence: 5, hash: fifth!.hash, anchoredAt: '2026-01-01T05:00:00.000Z' },
  ];
  expect((await store.verify({ anchors })).firstBreak).toEqual({
    sequence: 5,
    kind: 'TRUNCATED',
    detail: 'the checkpoint of 2026-01-01T05:00:00.000Z names entry 5, which the trail no longer holds',
  });
});

test('REWRITTEN names the entry and the checkpoint that signed another', async () => {
  const anchors = [{ sequence: 4, hash: 'a'.repeat(64), anchoredAt: '2026-01-01T04:00:00.000Z' }];
  expect((await store.verify({ anchors })).firstBreak).toEqual({
    sequence: 4,
    kind: 'REWRITTEN',
    detail: 'entry 4 is not the one the checkpoint of 2026-01-01T04:00:00.000Z signed',
  });
});
