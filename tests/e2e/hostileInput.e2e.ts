import { createAuditStore, type AuditRecord, type AuditStore } from '@resident-graph/audit';
import type { TruthResident } from '@resident-graph/schemas';
import { GATEWAY_CONTEXT_HEADER, hashBody, loadKey, signGatewayContext, type Caller } from '@resident-graph/trust';
import {
  OFFICER,
  ROSTER_PAGE,
  createTestDatabase,
  graphql,
  hostileRequests,
  readTruth,
  requestHeaders,
  startTestStack,
  type TestDatabase,
  type TestStack,
} from '../support';

const READ = 'query($id: CitizenId!) { resident(id: $id) { name } }';
const LOOKUP = 'query($id: CitizenId!) { resident(id: $id) { id } }';

interface Answer {
  status: number;
  errors?: { message: string; extensions?: { code?: string; limit?: string } }[];
  data?: unknown;
}

/** A POST with any body at all, as a hostile client would send it. */
async function post(url: string, body: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

const codesOf = (answer: Answer) => answer.errors?.map((error) => error.extensions?.code);

describe('hostile input at the gateway', () => {
  let stack: TestStack;
  let auditDatabase: TestDatabase;
  let store: AuditStore;
  let truth: TruthResident[];
  let resident: TruthResident;
  let worker: Caller;
  let headers: Record<string, string>;

  beforeAll(async () => {
    auditDatabase = await createTestDatabase('rg_audit');
    // Subgraphs keep the ids of gateway contexts taken in Redis, as replicas would share them.
    // A generous audit time limit: this suite is about what the trail holds, not how fast on a busy machine.
    stack = await startTestStack(
      { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', AUDIT_TIMEOUT_MS: '5000' },
      { auditDatabaseUrl: auditDatabase.url },
    );
    store = createAuditStore({ databaseUrl: auditDatabase.url });
    truth = readTruth(stack.dataDir);
    // Registered in a household, so household reads have members to name.
    resident = truth.find((someone) => someone.publicSecurity.householdId !== null)!;
    worker = { subject: 'grid-worker-hostile', role: 'grid-worker', department: null, grids: [resident.gridId], community: null };
    headers = await requestHeaders(stack, worker, 'HOME_VISIT');
  });
  afterAll(async () => {
    await stack?.stopAll();
    await store?.close();
    await auditDatabase?.drop();
  });

  /** The entries a step added to the trail, oldest first. */
  async function entriesAfter(step: () => Promise<unknown>): Promise<AuditRecord[]> {
    const [before] = await store.latest(1);
    await step();
    const latest = await store.latest(50);
    return latest.filter((record) => record.sequence > (before?.sequence ?? 0)).reverse();
  }

  describe('limits, each refused before any subgraph is asked, naming the limit', () => {
    // The catalogue's entries refused by a limit plugin, which names the limit in `extensions.limit` too.
    const LIMITED = hostileRequests({ residentId: '', gridId: '' }) // names and limits only: the bodies are made again for the real resident
      .filter((request) => request.status === 400 && request.code === 'QUERY_TOO_COMPLEX' && request.limit !== 'MAX_BATCH_OPERATIONS')
      .map((request) => [request.name, request.limit] as const);

    it.each(LIMITED)('%s: 400 QUERY_TOO_COMPLEX naming %s', async (name, limit) => {
      const request = hostileRequests({ residentId: resident.id, gridId: resident.gridId }).find((candidate) => candidate.name === name)!;
      const answer = await post(stack.gatewayUrl, JSON.stringify(request.body), headers);
      expect({ status: answer.status, codes: codesOf(answer), data: answer.data ?? null }).toEqual({ status: 400, codes: ['QUERY_TOO_COMPLEX'], data: null });
      expect(answer.errors?.[0]?.extensions?.limit).toBe(limit);
      expect(answer.errors?.[0]?.message).toContain(limit);
    });

    it('a megabyte body: 413 QUERY_TOO_COMPLEX naming MAX_BODY_BYTES', async () => {
      const answer = await post(stack.gatewayUrl, JSON.stringify({ query: `{ __typename }`, variables: { padding: 'x'.repeat(1024 * 1024) } }), headers);
      expect([answer.status, ...(codesOf(answer) ?? [])]).toEqual([413, 'QUERY_TOO_COMPLEX']);
      expect(answer.errors?.[0]?.message).toContain('MAX_BODY_BYTES');
    });

    it('a batch of 100 operations: 400 QUERY_TOO_COMPLEX naming MAX_BATCH_OPERATIONS, none of them run', async () => {
      const batch = Array.from({ length: 100 }, () => ({ query: LOOKUP, variables: { id: resident.id } }));
      const entries = await entriesAfter(async () => {
        const answer = await post(stack.gatewayUrl, JSON.stringify(batch), headers);
        expect([answer.status, ...(codesOf(answer) ?? [])]).toEqual([400, 'QUERY_TOO_COMPLEX']);
        expect(answer.errors?.[0]?.message).toContain('MAX_BATCH_OPERATIONS');
      });
      expect(entries).toEqual([]);
    });

    it('a body that is not JSON: 400 BAD_USER_INPUT', async () => {
      const answer = await post(stack.gatewayUrl, '{"query": "{ __typename }"', headers);
      expect([answer.status, ...(codesOf(answer) ?? [])]).toEqual([400, 'BAD_USER_INPUT']);
    });

    it('answers no introspection and suggests no field names', async () => {
      const schema = await graphql(stack.gatewayUrl, '{ __schema { types { name } } }', {}, headers);
      expect(schema.data ?? null).toBeNull();
      expect(schema.errors?.[0]?.message).toMatch(/introspection/i);
      const misspelt = await graphql(stack.gatewayUrl, 'query($id: CitizenId!) { resident(id: $id) { nam } }', { id: resident.id }, headers);
      expect(misspelt.errors?.[0]?.message).not.toMatch(/did you mean/i);
    });

    it('serves the same record as before while refusing all that', async () => {
      const answer = await graphql<{ resident: { name: string } }>(stack.gatewayUrl, READ, { id: resident.id }, headers);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.resident.name).toEqual(expect.any(String));
    });
  });

  describe('bad values', () => {
    const valid = () => resident.id;
    it.each([
      ['a wrong check digit', () => `${valid().slice(0, 17)}${valid().endsWith('0') ? '1' : '0'}`],
      ['17 characters', () => valid().slice(0, 17)],
      ['letters', () => 'ABCDEFGHIJKLMNOPQR'],
      ['an empty string', () => ''],
      ['a number', () => 110105],
      ['an SQL fragment', () => "1' OR '1'='1"],
    ])('%s as a citizen ID: 400 INVALID_CITIZEN_ID', async (_what, idOf) => {
      const answer = await graphql(stack.gatewayUrl, READ, { id: idOf() }, headers);
      expect([answer.status, ...(answer.errors?.map((error) => error.extensions?.code) ?? [])]).toEqual([400, 'INVALID_CITIZEN_ID']);
    });

    it('a page size of the wrong type: 400 BAD_USER_INPUT', async () => {
      const answer = await graphql(stack.gatewayUrl, `query($grid: ID!, $n: Int) { ${ROSTER_PAGE('g', '$n')} }`, { grid: resident.gridId, n: 'ten' }, headers);
      expect([answer.status, answer.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
    });

    it('an unknown purpose: 400 PURPOSE_REQUIRED', async () => {
      const answer = await graphql(stack.gatewayUrl, READ, { id: resident.id }, { ...headers, 'x-purpose': 'CURIOSITY' });
      expect([answer.status, answer.errors?.[0]?.extensions?.code]).toEqual([400, 'PURPOSE_REQUIRED']);
    });
  });

  describe('purpose references: decoded once, recorded exactly as sent, control characters refused', () => {
    const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
    it.each([
      ['an escaped percent sign', `CASE_REVIEW:${encodeURIComponent('案')}-50%2541`, '案-50%41'],
      ['encodeURIComponent of a reference with a percent sign', `CASE_REVIEW:${encodeURIComponent('案-50%41')}`, '案-50%41'],
      ['raw UTF-8', `CASE_REVIEW:${latin1('民政 2024-017 Ωmega')}`, '民政 2024-017 Ωmega'],
      ['raw UTF-8 and escapes mixed', `CASE_REVIEW:${latin1('案件-')}%D0%96%2541`, '案件-Ж%41'],
    ])('%s', async (_what, purpose, recorded) => {
      const entries = await entriesAfter(async () => {
        const answer = await graphql(stack.gatewayUrl, READ, { id: resident.id }, { ...headers, 'x-purpose': purpose });
        expect(answer.errors).toBeUndefined();
      });
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.map((entry) => entry.purposeReference)).toEqual(entries.map(() => recorded));
    });

    it.each([
      ['a NUL', 'CASE_REVIEW:a%00b'],
      ['a line feed', 'CASE_REVIEW:forged%0Aline'],
      ['a carriage return and line feed', 'CASE_REVIEW:a%0D%0Ab'],
      ['a C1 control', 'CASE_REVIEW:a%C2%85b'],
      ['a broken escape', 'CASE_REVIEW:%E6%A1'],
      ['an escape broken after a good one', 'CASE_REVIEW:%41%zz'],
    ])('%s: 400 PURPOSE_REQUIRED, nothing read, nothing recorded', async (_what, purpose) => {
      const entries = await entriesAfter(async () => {
        const answer = await graphql(stack.gatewayUrl, READ, { id: resident.id }, { ...headers, 'x-purpose': purpose });
        expect([answer.status, answer.errors?.[0]?.extensions?.code, answer.data ?? null]).toEqual([400, 'PURPOSE_REQUIRED', null]);
      });
      expect(entries).toEqual([]);
    });
  });

  describe('request ids', () => {
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

    it("records the gateway's own id, never the client's, and a new one for each request", async () => {
      const first = await entriesAfter(() => graphql(stack.gatewayUrl, READ, { id: resident.id }, { ...headers, 'x-request-id': 'chosen-by-client' }));
      const second = await entriesAfter(() => graphql(stack.gatewayUrl, READ, { id: resident.id }, { ...headers, 'x-request-id': 'chosen-by-client' }));
      for (const entry of [...first, ...second]) expect(entry.requestId).toMatch(UUID);
      expect(new Set(first.map((entry) => entry.requestId)).size).toBe(1);
      expect(first[0]!.requestId).not.toBe(second[0]!.requestId);
    });

    it.each(['has spaces', 'x'.repeat(65), 'a%0Ab'])('refuses the client request id %p with 400 BAD_USER_INPUT', async (id) => {
      const answer = await graphql(stack.gatewayUrl, READ, { id: resident.id }, { ...headers, 'x-request-id': id });
      expect([answer.status, answer.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
    });
  });

  describe('a gateway context bound to one subgraph request', () => {
    const ENTITIES = JSON.stringify({
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { id } } }',
      variables: { r: [{ __typename: 'Resident', id: '11010519491231002X' }] },
    });
    const subgraphUrl = () => `http://127.0.0.1:${stack.ports.subgraphs['public-security']!}/graphql`;
    const signedFor = async (body: string | null) =>
      signGatewayContext(
        { caller: OFFICER('public-security'), purpose: null, requestId: 'r', operationId: 'o', bodyHash: body === null ? null : hashBody(body) },
        await loadKey(stack.keysDir, 'gateway', 'private'),
      );

    it('is taken once for its body; a replay, another body or no binding is 401 UNAUTHENTICATED naming why', async () => {
      const context = await signedFor(ENTITIES);
      const once = await post(subgraphUrl(), ENTITIES, { [GATEWAY_CONTEXT_HEADER]: context });
      expect(once.status).toBe(200);
      const replayed = await post(subgraphUrl(), ENTITIES, { [GATEWAY_CONTEXT_HEADER]: context });
      expect([replayed.status, replayed.errors?.[0]?.extensions?.code, replayed.errors?.[0]?.message]).toEqual([
        401,
        'UNAUTHENTICATED',
        'gateway context was already used (replayed)',
      ]);
      const otherBody = await post(subgraphUrl(), ENTITIES.replace('{ id }', '{ id name }'), { [GATEWAY_CONTEXT_HEADER]: await signedFor(ENTITIES) });
      expect([otherBody.status, otherBody.errors?.[0]?.message]).toEqual([401, 'gateway context was signed for another request body']);
      const unbound = await post(subgraphUrl(), ENTITIES, { [GATEWAY_CONTEXT_HEADER]: await signedFor(null) });
      expect([unbound.status, unbound.errors?.[0]?.message]).toEqual([401, 'gateway context is not bound to a request']);
    });
  });

  describe('what the trail holds of refusals, households and lookups', () => {
    const outside = () => truth.find((other) => other.gridId !== resident.gridId && other.publicSecurity.householdId !== null)!;

    it('records a read refused outside the jurisdiction with outcome REFUSED and the resident asked for', async () => {
      const entries = await entriesAfter(async () => {
        const answer = await graphql(stack.gatewayUrl, READ, { id: outside().id }, headers);
        expect(answer.errors?.map((error) => error.extensions?.code)).toContain('OUT_OF_JURISDICTION');
      });
      // Refused at the lookup itself: the grid database places the ID outside the worker's grids.
      expect(entries).toContainEqual(
        expect.objectContaining({ subject: worker.subject, outcome: 'REFUSED', residentIds: [outside().id], fields: ['Query.resident'] }),
      );
    });

    it('without a purpose gives no existence answer: the same PURPOSE_REQUIRED for a resident and for nobody, each attempt recorded', async () => {
      const nobody = truth.some((other) => other.id === '11010519491231002X') ? null : '11010519491231002X';
      expect(nobody).not.toBeNull();
      const silent = await requestHeaders(stack, worker, null);
      const entries = await entriesAfter(async () => {
        const answers = await Promise.all([outside().id, nobody!].map((id) => graphql(stack.gatewayUrl, LOOKUP, { id }, silent)));
        const [someone, noone] = answers.map(({ data, errors }) => ({ data: data ?? null, codes: errors?.map((error) => error.extensions?.code) }));
        expect(someone).toEqual(noone);
        expect(someone!.codes).toEqual(['PURPOSE_REQUIRED']);
      });
      expect(entries.map((entry) => [entry.outcome, entry.residentIds])).toEqual(
        expect.arrayContaining([
          ['REFUSED', [outside().id]],
          ['REFUSED', [nobody]],
        ]),
      );
    });

    it('names every member a household read served, so accessLog finds the read under each of them', async () => {
      const officer = OFFICER('public-security');
      const household = truth.filter((other) => other.publicSecurity.householdId === resident.publicSecurity.householdId);
      const query = 'query($id: CitizenId!) { resident(id: $id) { household { members { resident { id } } } } }';
      const entries = await entriesAfter(async () => {
        const answer = await graphql(stack.gatewayUrl, query, { id: resident.id }, await requestHeaders(stack, officer, 'CASE_REVIEW'));
        expect(answer.errors).toBeUndefined();
      });
      const householdEntry = entries.find((entry) => entry.subgraph === 'public-security' && entry.fields.includes('Household.members'));
      expect(householdEntry?.residentIds).toEqual(expect.arrayContaining(household.map((member) => member.id)));
      expect(household.length).toBeGreaterThan(0);
    });
  });
});
