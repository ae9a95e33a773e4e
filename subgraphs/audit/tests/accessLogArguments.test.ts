import type { AccessLogQuery, AuditStore } from '@resident-graph/audit';
import type { RunningServer } from '@resident-graph/service-kit';
import { graphql } from '@resident-graph/test-kit';
import type { Caller } from '@resident-graph/trust';
import { createTestTrust, type TestTrust } from '@resident-graph/trust/testing';
import { startAuditSubgraph } from '../src';

// What the resolver makes of its arguments, seen in the query the store is asked: the
// store's own filtering is tested against PostgreSQL in tools/audit.
const AUDITOR: Caller = { subject: 'auditor-chen', role: 'auditor', department: null, grids: [], community: null };
const ACCESS_LOG = `query($residentId: CitizenId, $subject: String, $from: Date, $to: Date) {
  accessLog(residentId: $residentId, subject: $subject, from: $from, to: $to, first: 5) { nodes { requestId residentIds outcome } }
}`;

const asked: AccessLogQuery[] = [];
const recordingStore = {
  async accessLog(query: AccessLogQuery) {
    asked.push(query);
    if (query.residentId == null && query.subject == null && query.from == null && query.to == null)
      throw new RangeError('accessLog needs at least one of residentId, subject, from, to');
    return { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
  },
} as unknown as AuditStore;

let trust: TestTrust;
let subgraph: RunningServer;
beforeAll(async () => {
  trust = await createTestTrust();
  subgraph = await startAuditSubgraph({ port: 0, store: recordingStore, gatewayPublicKey: trust.gatewayPublicKey });
});
afterAll(() => subgraph.close());
beforeEach(() => {
  asked.length = 0;
});

const ask = async (variables: Record<string, unknown>) => graphql(subgraph.url, ACCESS_LOG, variables, await trust.gatewayHeaders(AUDITOR));

test('days are whole days in China Standard Time, both ends included: to ends where the day after begins', async () => {
  const answer = await ask({ subject: 'clerk-wang', from: '2026-12-01', to: '2026-12-07' });
  expect(answer.errors).toBeUndefined();
  expect(asked).toEqual([
    {
      residentId: null,
      subject: 'clerk-wang',
      from: new Date('2026-11-30T16:00:00.000Z'),
      to: new Date('2026-12-07T16:00:00.000Z'),
      first: 5,
      after: null,
    },
  ]);
});

test('one day is a range of twenty-four hours', async () => {
  await ask({ from: '2026-12-07', to: '2026-12-07' });
  expect(asked.map(({ from, to }) => [from, to])).toEqual([[new Date('2026-12-06T16:00:00.000Z'), new Date('2026-12-07T16:00:00.000Z')]]);
});

test('a 15-digit resident ID is asked for as its 18-character form', async () => {
  await ask({ residentId: '310115700101001' });
  expect(asked.map((query) => query.residentId)).toEqual(['310115197001010011']);
});

test('from after to is refused before the store is asked', async () => {
  const answer = await ask({ from: '2026-12-08', to: '2026-12-07' });
  expect(answer.errors).toEqual([
    expect.objectContaining({
      message: 'from (2026-12-08) must not be after to (2026-12-07)',
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    }),
  ]);
  expect(asked).toEqual([]);
});

test("the store's refusal of a question without filters comes back as BAD_USER_INPUT with its reason", async () => {
  const answer = await ask({});
  expect(answer.errors).toEqual([
    expect.objectContaining({
      message: 'accessLog needs at least one of residentId, subject, from, to',
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    }),
  ]);
});

test('a day that is not a date is refused as BAD_USER_INPUT', async () => {
  const answer = await ask({ from: '2026-13-01' });
  expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(asked).toEqual([]);
});
