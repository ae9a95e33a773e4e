import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { Caller } from '@resident-graph/trust';
import { FLAG_FIELDS, graphql, readTruth, requestHeaders, startTestStack, type TestStack } from '../support';

interface LogLine {
  name: string;
  msg: string;
  requestId?: string;
  clientRequestId?: string | null;
  route?: string;
  department?: string;
}

const READ = `query($id: CitizenId!) { resident(id: $id) { name ${FLAG_FIELDS} } }`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The JSON lines of one process's log (anything else it printed is skipped). */
function logLines(stack: TestStack, service: string): LogLine[] {
  const file = stack.services.get(service)?.logFile;
  if (!file) throw new Error(`the stack ran no ${service}`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

describe('one request id, from the gateway to the departments and the audit trail', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await stack?.stopAll();
  });

  it("is in the gateway's, every subgraph's and every stand-in's log lines and in the audit entries", async () => {
    const resident = readTruth(stack.dataDir)[0]!;
    const worker: Caller = { subject: 'grid-worker-ids', role: 'grid-worker', department: null, grids: [resident.gridId], community: null };
    const clientRequestId = `client-${Date.now()}`;
    const read = await graphql(
      stack.gatewayUrl,
      READ,
      { id: resident.id },
      { ...(await requestHeaders(stack, worker, 'HOME_VISIT')), 'x-request-id': clientRequestId },
    );
    expect(read.errors).toBeUndefined();

    // The gateway's id is its own, logged beside the caller's.
    // Each process writes its log asynchronously: wait (a little) for the gateway's line to reach the file.
    const answeredLines = () => logLines(stack, 'gateway').filter((line) => line.msg === 'operation answered' && line.clientRequestId === clientRequestId);
    for (let waited = 0; answeredLines().length === 0 && waited < 5_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    const answered = answeredLines();
    expect(answered).toHaveLength(1);
    const requestId = answered[0]!.requestId!;
    expect(requestId).toMatch(UUID);

    // Each subgraph asked its department under that id: HTTP, SOAP, database or export alike.
    const asked = (subgraph: string) => logLines(stack, `${subgraph}-subgraph`).filter((line) => line.requestId === requestId);
    for (const department of ['public-security', 'civil-affairs', 'family-planning', 'labour']) {
      expect(asked(department).map((line) => [line.msg, line.department])).toContainEqual(['department answered', department]);
    }
    // No line of any process names the caller's id as the request's.
    for (const service of stack.services.keys()) expect(logLines(stack, service).some((line) => line.requestId === clientRequestId)).toBe(false);

    // The systems behind HTTP received it in X-Request-Id and logged it.
    for (const standIn of ['public-security', 'family-planning']) {
      const received = logLines(stack, `${standIn}-stand-in`).filter((line) => line.msg === 'call received' && line.requestId === requestId);
      expect(received.length).toBeGreaterThan(0);
    }

    const database = new Client({ connectionString: stack.databaseUrl });
    await database.connect();
    try {
      const { rows } = await database.query<{ subgraph: string; resident_ids: string[] }>(
        'SELECT subgraph, resident_ids FROM audit.audit_entry WHERE request_id = $1 ORDER BY subgraph',
        [requestId],
      );
      expect(rows.map((row) => row.subgraph)).toEqual(expect.arrayContaining(['civil-affairs', 'family-planning', 'labour', 'public-security']));
      for (const row of rows) expect(row.resident_ids).toEqual([resident.id]);
    } finally {
      await database.end();
    }
  });
});
