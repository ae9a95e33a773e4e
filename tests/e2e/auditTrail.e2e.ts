import { createAuditStore, type AuditStore } from '@resident-graph/audit';
import type { Caller } from '@resident-graph/trust';
import {
  createTestDatabase,
  graphql,
  readTruth,
  requestHeaders,
  startTcpProxy,
  startTestStack,
  type TcpProxy,
  type TestDatabase,
  type TestStack,
} from '../support';

const READ = 'query($id: CitizenId!) { resident(id: $id) { name civilAffairs { onRecord receivesMinimumLivingAllowance } } }';
const ACCESS_LOG = `query($id: CitizenId!) { accessLog(residentId: $id, first: 50) {
  nodes { sequence subject role purposeCode purposeReference subgraph fields }
  pageInfo { hasNextPage }
} }`;

describe('the audit trail', () => {
  let stack: TestStack;
  let auditDatabase: TestDatabase;
  let proxy: TcpProxy;
  let store: AuditStore;
  let residentId: string;
  let worker: Caller;

  beforeAll(async () => {
    // The trail lives in its own database, reached through a link the test can cut.
    auditDatabase = await createTestDatabase('rg_audit');
    const target = new URL(auditDatabase.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const viaProxy = new URL(auditDatabase.url);
    viaProxy.port = String(proxy.port);
    stack = await startTestStack({ AUDIT_TIMEOUT_MS: '500' }, { auditDatabaseUrl: viaProxy.toString() });
    store = createAuditStore({ databaseUrl: auditDatabase.url });
    const resident = readTruth(stack.dataDir)[0]!;
    residentId = resident.id;
    worker = { subject: 'grid-worker-7', role: 'grid-worker', department: null, grids: [resident.gridId], community: null };
  });
  afterAll(async () => {
    await stack?.stopAll();
    await store?.close();
    await proxy?.close();
    await auditDatabase?.drop();
  });

  it('records who read whom, when and why, and answers auditors (and only them)', async () => {
    const read = await graphql(stack.gatewayUrl, READ, { id: residentId }, await requestHeaders(stack, worker, 'HOME_VISIT:V-0042'));
    expect(read.errors).toBeUndefined();

    const auditor: Caller = { subject: 'supervisor-1', role: 'auditor', department: null, grids: [], community: null };
    const log = await graphql<{ accessLog: { nodes: Record<string, unknown>[] } }>(
      stack.gatewayUrl,
      ACCESS_LOG,
      { id: residentId },
      await requestHeaders(stack, auditor, 'SUPERVISION'),
    );
    expect(log.errors).toBeUndefined();
    const entries = log.data!.accessLog.nodes;
    // Public security answers the lookup by ID and the name in one request (jurisdiction comes from the grid database, not a second round).
    expect(entries.map((entry) => entry.subgraph).sort()).toEqual(['civil-affairs', 'public-security']);
    for (const entry of entries) {
      expect(entry).toMatchObject({ subject: 'grid-worker-7', role: 'grid-worker', purposeCode: 'HOME_VISIT', purposeReference: 'V-0042' });
    }
    expect(entries.find((entry) => entry.subgraph === 'civil-affairs')!.fields).toEqual(['Resident.civilAffairs']);
    expect(entries.find((entry) => entry.subgraph === 'public-security')!.fields).toEqual(['Query.resident', 'Resident.name']);

    const notAuditor = await graphql(stack.gatewayUrl, ACCESS_LOG, { id: residentId }, await requestHeaders(stack, worker, 'HOME_VISIT'));
    expect(notAuditor.data?.accessLog ?? null).toBeNull();
    expect(notAuditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('verifies the chain for auditors (and only them), as the command-line verifier does', async () => {
    const auditor: Caller = { subject: 'supervisor-1', role: 'auditor', department: null, grids: [], community: null };
    const VERIFY = '{ accessLogVerification { intact checked headSequence firstBreakSequence firstBreakKind checkpoints verifiedAt summary } }';
    const verified = await graphql<{ accessLogVerification: Record<string, unknown> }>(
      stack.gatewayUrl,
      VERIFY,
      {},
      await requestHeaders(stack, auditor, 'SUPERVISION'),
    );
    expect(verified.errors).toBeUndefined();
    const report = verified.data!.accessLogVerification;
    expect(report).toMatchObject({ intact: true, firstBreakSequence: null, firstBreakKind: null });
    expect(report.checked as number).toBeGreaterThanOrEqual(2);
    expect(report.summary).toMatch(/^audit chain intact/);

    const notAuditor = await graphql(stack.gatewayUrl, VERIFY, {}, await requestHeaders(stack, worker, 'HOME_VISIT'));
    expect(notAuditor.data?.accessLogVerification ?? null).toBeNull();
    expect(notAuditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses reads while the trail cannot be written, serves them again when it returns, with no gap in the chain', async () => {
    const headers = await requestHeaders(stack, worker, 'HOME_VISIT');
    proxy.cut();
    try {
      const refused = await graphql<{ resident: unknown }>(stack.gatewayUrl, READ, { id: residentId }, headers);
      expect(refused.data?.resident ?? null).toBeNull();
      expect(refused.errors?.map((error) => error.extensions?.code)).toContain('AUDIT_UNAVAILABLE');
    } finally {
      proxy.restore();
    }
    let served: Awaited<ReturnType<typeof graphql<{ resident: { name: string } | null }>>> | undefined;
    for (let attempt = 0; attempt < 20 && !served?.data?.resident; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 250));
      served = await graphql<{ resident: { name: string } | null }>(stack.gatewayUrl, READ, { id: residentId }, headers);
    }
    expect(served?.errors).toBeUndefined();
    expect(served?.data?.resident?.name).toEqual(expect.any(String));

    const report = await store.verify();
    expect(report).toMatchObject({ intact: true, firstBreak: null });
    const sequences = (await store.latest(1000)).map((record) => record.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(sequences.map((_, i) => sequences[0]! + i));
  });

  it('keeps a reference in any script: percent-encoded in the header, recorded as written', async () => {
    const reference = '入户走访 2026-11-22 第3次';
    const read = await graphql(stack.gatewayUrl, READ, { id: residentId }, await requestHeaders(stack, worker, `HOME_VISIT:${encodeURIComponent(reference)}`));
    expect(read.errors).toBeUndefined();
    const [newest] = await store.latest(1);
    expect(newest).toMatchObject({ subject: 'grid-worker-7', purposeCode: 'HOME_VISIT', purposeReference: reference });

    const broken = await graphql(stack.gatewayUrl, READ, { id: residentId }, await requestHeaders(stack, worker, 'HOME_VISIT:%E5%85'));
    expect(broken.status).toBe(400);
    expect(broken.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
  });
});
