import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createAuditStore } from '../src/createAuditStore';
import { dropSchema, preparedSchema, tamper, TEST_DATABASE_URL } from './fixtures/testSchema';
import { sampleEntry } from './fixtures/sampleEntry';

// `npm run audit:verify` as an operator runs it: one line on stdout, the verdict in the exit code.
const ROOT = path.resolve(__dirname, '../../..');
let schema: string;

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
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
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
  expect(stdout).toMatch(/^audit chain intact: 3 entries \(2 served, 1 refused\), head 3 [0-9a-f]{12}\n$/);
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
