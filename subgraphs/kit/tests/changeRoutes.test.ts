import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPair } from 'jose';
import { DepartmentError, type ChangeApplier, type ChangeOutcome } from '@resident-graph/adapter-kit';
import { checkCharacter, type ReportedChange } from '@resident-graph/schemas';
import { createLogger } from '@resident-graph/service-kit';
import { CHANGE_DELIVERY_HEADER, loadKey, memoryReplayGuard, signChangeDelivery } from '@resident-graph/trust';
import { createTestTrust, type TestTrust } from '@resident-graph/trust/testing';
import { CHANGE_CHECKS_PATH, changeRoutes } from '../src';
import { changeDeliveryClient, recordingAuditWriter, TEST_REPORTER, type ChangeDeliveryClient } from '../src/testing';

// The change protocol's department side over real HTTP, against an applier that keeps its
// idempotency keys the way every department's system must.
const idOf = (birthDate: string, sequence: number) => {
  const first17 = `310115${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};
const resident = idOf('1980-04-02', 17);
const spouse = idOf('1982-09-30', 22);
const marriage: ReportedChange = { kind: 'MARRIAGE', residentId: resident, occurredOn: '2026-11-20', spouse: { spouseId: spouse } };

/** A department system in memory: marriages it has applied by key, and a switch to be down. */
function memoryDepartment() {
  const applied = new Map<string, ChangeOutcome>();
  const married = new Set<string>();
  const department = {
    applied,
    married,
    down: null as DepartmentError | null,
    async applyChange(change: ReportedChange, key: string): Promise<ChangeOutcome> {
      if (department.down) throw department.down;
      const first = applied.get(key);
      if (first) return first;
      const outcome: ChangeOutcome = married.has(change.residentId!) ? { outcome: 'REJECTED', reason: 'registered married' } : { outcome: 'ACCEPTED' };
      if (outcome.outcome === 'ACCEPTED') married.add(change.residentId!);
      applied.set(key, outcome);
      return outcome;
    },
    async checkChange(change: ReportedChange) {
      if (department.down) throw department.down;
      return married.has(change.residentId!) ? 'registered married' : null;
    },
  } satisfies ChangeApplier & Record<string, unknown>;
  return department;
}

let trust: TestTrust;
const servers: Server[] = [];
let url: string;
let client: ChangeDeliveryClient;
let department: ReturnType<typeof memoryDepartment>;
const audit = recordingAuditWriter();

async function serve(applier: ChangeApplier): Promise<string> {
  const routes = changeRoutes({
    department: 'public-security',
    applier,
    changesPublicKey: () => loadKey(trust.keysDir, 'changes', 'public'),
    replayGuard: memoryReplayGuard(),
    audit,
    logger: createLogger('change-routes-test'),
  });
  const started = createServer((request, response) => {
    const route = routes[new URL(request.url ?? '/', 'http://test').pathname];
    if (route) return void route(request, response);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
  servers.push(started);
  return `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  trust = await createTestTrust();
  department = memoryDepartment();
  url = await serve(department);
  client = changeDeliveryClient(url, 'public-security', trust.keysDir);
});
afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));
beforeEach(() => {
  department.married.clear();
  department.down = null;
  audit.failing = false;
  audit.entries.length = 0;
});

describe('POST /changes/deliveries', () => {
  test('applies a signed delivery once, answers the first outcome to a repeat, and audits each', async () => {
    const deliveryId = randomUUID();
    expect(await client.deliver(marriage, deliveryId)).toEqual({ status: 200, body: { outcome: 'ACCEPTED' } });
    expect(await client.deliver(marriage, deliveryId)).toEqual({ status: 200, body: { outcome: 'ACCEPTED' } });
    expect([...department.married]).toEqual([resident]);
    expect(audit.entries).toHaveLength(2);
    expect(audit.entries[0]).toMatchObject({
      requestId: deliveryId,
      subgraph: 'public-security',
      subject: TEST_REPORTER.subject,
      role: TEST_REPORTER.role,
      purposeCode: 'DATA_CORRECTION',
      residentIds: [resident, spouse].sort(),
      fields: ['ReportedChange.MARRIAGE'],
      outcome: 'SERVED',
    });
  });

  test('answers the department’s rejection with its reason', async () => {
    department.married.add(resident);
    expect(await client.deliver(marriage)).toEqual({ status: 200, body: { outcome: 'REJECTED', reason: 'registered married' } });
  });

  test('refuses an unsigned, forged, expired, misdirected or re-bodied delivery with 401, applying nothing', async () => {
    const body = JSON.stringify(marriage);
    const forger = await generateKeyPair('ES256');
    const claims = { department: 'public-security', deliveryId: randomUUID(), reportId: randomUUID(), reporter: TEST_REPORTER };
    const expired = await (async () => {
      const now = Date.now;
      Date.now = () => now() - 120_000;
      try {
        return await client.sign(body);
      } finally {
        Date.now = now;
      }
    })();
    const attempts = [
      {},
      { [CHANGE_DELIVERY_HEADER]: await signChangeDelivery(claims, body, forger.privateKey) },
      expired,
      await client.sign(body, { department: 'labour' }),
      await client.sign(JSON.stringify({ ...marriage, occurredOn: '2026-11-21' })),
    ];
    for (const headers of attempts) {
      const response = await client.post(body, headers);
      expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([401, 'UNAUTHENTICATED']);
    }
    expect(department.married.size).toBe(0);
    expect(audit.entries).toHaveLength(0);
  });

  test('refuses a replayed signed request with 401', async () => {
    const body = JSON.stringify(marriage);
    const headers = await client.sign(body);
    expect((await client.post(body, headers)).status).toBe(200);
    const replayed = await client.post(body, headers);
    expect([replayed.status, ((await replayed.json()) as { code: string }).code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  test.each([
    ['not JSON', '{"kind":'],
    ['an unknown kind', JSON.stringify({ ...marriage, kind: 'EMIGRATION' })],
    ['a kind without its facts', JSON.stringify({ kind: 'MARRIAGE', residentId: resident, occurredOn: '2026-11-20' })],
    ['facts of another kind', JSON.stringify({ ...marriage, employment: { status: 'EMPLOYED' } })],
    ['an ID that fails its check character', JSON.stringify({ ...marriage, residentId: `${resident.slice(0, 17)}${resident[17] === '0' ? '1' : '0'}` })],
    ['a date that does not exist', JSON.stringify({ ...marriage, occurredOn: '2026-02-30' })],
    [
      'a kind the department does not act on',
      JSON.stringify({ kind: 'EMPLOYMENT_CHANGE', residentId: resident, occurredOn: '2026-11-20', employment: { status: 'LAID_OFF' } }),
    ],
  ])('refuses %s with 400 BAD_USER_INPUT', async (_what, body) => {
    const response = await client.post(body, await client.sign(body));
    const answer = (await response.json()) as { code: string; message: string };
    expect([response.status, answer.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(answer.message).not.toBe('');
    expect(department.married.size).toBe(0);
  });

  test('answers 503 / 504 with the department’s code while its system cannot be asked, so the caller retries', async () => {
    department.down = new DepartmentError('DEPARTMENT_UNAVAILABLE', 'public-security', 'connection refused');
    expect(await client.deliver(marriage)).toMatchObject({ status: 503, body: { code: 'DEPARTMENT_UNAVAILABLE' } });
    department.down = new DepartmentError('DEPARTMENT_TIMEOUT', 'public-security', 'no answer within 2000 ms');
    expect(await client.deliver(marriage)).toMatchObject({ status: 504, body: { code: 'DEPARTMENT_TIMEOUT' } });
    department.down = null;
    expect(await client.deliver(marriage)).toEqual({ status: 200, body: { outcome: 'ACCEPTED' } });
  });

  test('applies nothing when the delivery cannot be audited: 503 AUDIT_UNAVAILABLE', async () => {
    audit.failing = true;
    expect(await client.deliver(marriage)).toMatchObject({ status: 503, body: { code: 'AUDIT_UNAVAILABLE' } });
    expect(department.married.size).toBe(0);
  });
});

describe('POST /changes/checks', () => {
  test('answers whether the change can be, by the department’s records', async () => {
    expect(await client.check(marriage)).toEqual({ status: 200, body: { ok: true } });
    department.married.add(resident);
    expect(await client.check(marriage)).toEqual({ status: 200, body: { ok: false, reason: 'registered married' } });
  });

  test('is verified like a delivery', async () => {
    const body = JSON.stringify(marriage);
    const response = await client.post(body, await client.sign(body, { department: 'grid' }), CHANGE_CHECKS_PATH);
    expect(response.status).toBe(401);
  });

  test('is not served for an adapter without checkChange', async () => {
    const applyOnly = changeDeliveryClient(await serve({ applyChange: department.applyChange }), 'public-security', trust.keysDir);
    const body = JSON.stringify(marriage);
    expect((await applyOnly.post(body, await applyOnly.sign(body), CHANGE_CHECKS_PATH)).status).toBe(404);
  });
});
