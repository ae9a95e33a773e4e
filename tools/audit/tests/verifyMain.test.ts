import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureKeyPairs, loadKey } from '@resident-graph/trust';
import { writeAnchor } from '../src/auditAnchors';
import { createAuditStore } from '../src/createAuditStore';
import { dropSchema, preparedSchema, tamper, TEST_DATABASE_URL } from './fixtures/testSchema';
import { sampleEntry } from './fixtures/sampleEntry';

// `npm run audit:verify` as an operator runs it: one line on stdout, the verdict in the exit code.
const ROOT = path.resolve(__dirname, '../../..');
let schema: string;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'audit-verify-'));
const NO_ANCHORS = { AUDIT_ANCHOR_FILE: path.join(scratch, 'none.jsonl') };

beforeAll(async () => {
  schema = await preparedSchema();
  const store = createAuditStore({ databaseUrl: TEST_DATABASE_URL, schema, timeoutMs: 5000 });
  await store.append(sampleEntry());
  await store.append(sampleEntry({ outcome: 'REFUSED' }));
  await store.append(sampleEntry());
  await store.close();
});
afterAll(() => dropSchema(schema));

async function verifyCli(env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'tools/audit/src/verifyMain.ts'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', ...NO_ANCHORS, ...env },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

test('an intact chain: exit 0 and one line with the counts', async () => {
  const { code, stdout } = await verifyCli({ AUDIT_DATABASE_URL: TEST_DATABASE_URL, AUDIT_DATABASE_SCHEMA: schema });
  expect(code).toBe(0);
  expect(stdout).toMatch(/^audit chain intact: 3 entries \(2 served, 1 refused\), head 3 [0-9a-f]{12}; no signed checkpoints to hold it against\n$/);
});

test('a broken chain: exit 1 and the first break named', async () => {
  await tamper(schema, `UPDATE audit_entry SET subject = 'someone-else' WHERE seq = 2`);
  const { code, stdout } = await verifyCli({ AUDIT_DATABASE_URL: TEST_DATABASE_URL, AUDIT_DATABASE_SCHEMA: schema });
  expect(code).toBe(1);
  expect(stdout).toBe('audit chain BROKEN at entry 2: EDITED (entry 2 does not match its hash); 1 entry sound before it, head 3\n');
});

test('no audit store to check: exit 2', async () => {
  const { code, stdout } = await verifyCli({ AUDIT_DATABASE_URL: TEST_DATABASE_URL, AUDIT_DATABASE_SCHEMA: `${schema}_absent` });
  expect(code).toBe(2);
  expect(stdout).toBe('');
});

test('a trail cut back to a consistent shorter chain: exit 1, TRUNCATED against the signed checkpoint', async () => {
  const keysDir = path.join(scratch, 'keys');
  await ensureKeyPairs(keysDir);
  const cut = await preparedSchema();
  const store = createAuditStore({ databaseUrl: TEST_DATABASE_URL, schema: cut, timeoutMs: 5000 });
  try {
    const kept = await store.append(sampleEntry());
    await store.append(sampleEntry());
    const file = path.join(scratch, 'anchors.jsonl');
    await writeAnchor(file, await loadKey(keysDir, 'audit', 'private'), await store.head());
    const env = { AUDIT_DATABASE_URL: TEST_DATABASE_URL, AUDIT_DATABASE_SCHEMA: cut, AUDIT_ANCHOR_FILE: file, TRUST_KEYS_DIR: keysDir };
    expect(await verifyCli(env)).toMatchObject({ code: 0, stdout: expect.stringMatching(/agrees with 1 signed checkpoints, the newest at entry 2/) });

    await tamper(cut, 'DELETE FROM audit_entry WHERE seq = 2');
    await tamper(cut, 'UPDATE audit_chain_head SET seq = 1, hash = $1', [kept.hash]);
    const { code, stdout } = await verifyCli(env);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^audit chain BROKEN at entry 2: TRUNCATED \(the checkpoint of .* names entry 2, which the trail no longer holds\)/);
  } finally {
    await store.close();
    await dropSchema(cut);
  }
}, 30_000);
