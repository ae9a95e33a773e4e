import { connect } from 'node:net';
import { Client } from 'pg';
import type { Caller } from '@resident-graph/trust';
import { graphql, readTruth, requestHeaders, startTestStack, type TestStack } from '../support';

const GRACE_MS = 5_000;
const DELAY_MS = 1_500;

const local = (port: number, route: string) => `http://127.0.0.1:${port}${route}`;

async function slowDown(port: number, delayMs: number): Promise<void> {
  const response = await fetch(local(port, '/__control/fault'), {
    method: 'PUT',
    body: JSON.stringify(delayMs > 0 ? { kind: 'slow', delayMs } : { kind: 'none' }),
  });
  expect(response.status).toBe(200);
}

/** Resolves once the stand-in has received a call for `route` (one now held by its delay). */
async function callArrived(port: number, route: string): Promise<void> {
  await fetch(local(port, '/__control/calls'), { method: 'DELETE' });
  for (let tries = 0; tries < 100; tries++) {
    const calls = (await (await fetch(local(port, '/__control/calls'))).json()) as Record<string, number>;
    if ((calls[route] ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${route} call reached the stand-in`);
}

/** Whether a new TCP connection to `port` is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves once `port` refuses new connections (the signal handled); fails after a second. */
async function refusing(port: number): Promise<void> {
  for (let tries = 0; tries < 50; tries++) {
    if (!(await accepts(port))) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`port ${port} still accepts connections`);
}

/** A promise and whether it has settled yet. */
function watched<T>(work: Promise<T>): { work: Promise<T>; settled: () => boolean } {
  let done = false;
  void work.finally(() => (done = true)).catch(() => undefined);
  return { work, settled: () => done };
}

/** What `work` returns, and how long it took. */
async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work;
  return { value, ms: performance.now() - started };
}

describe('SIGTERM lets the requests in flight finish', () => {
  let stack: TestStack;
  let residentId: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    // NODE_ENV as `npm start` leaves it (jest sets `test`, which alone turns Apollo's own signal handler off).
    stack = await startTestStack({ SHUTDOWN_GRACE_MS: String(GRACE_MS), DEPARTMENT_TIMEOUT_MS: '5000', NODE_ENV: '' });
    const resident = readTruth(stack.dataDir).find((candidate) => candidate.familyPlanning !== null)!;
    residentId = resident.id;
    const worker: Caller = { subject: 'grid-worker-shutdown', role: 'grid-worker', department: null, grids: [resident.gridId], community: null };
    headers = await requestHeaders(stack, worker, 'HOME_VISIT');
  });
  afterAll(async () => {
    await stack?.stopAll();
  });

  it('a subgraph answers the read in flight, records it in the audit trail, refuses new connections and exits 0', async () => {
    const standIn = stack.ports.standIns['family-planning']!;
    const subgraph = stack.services.get('family-planning-subgraph')!;
    await slowDown(standIn, DELAY_MS);
    const arrived = callArrived(standIn, 'QueryPersons');
    const read = watched(
      graphql<{ resident: { name: string; familyPlanning: { onRecord: boolean } | null } }>(
        stack.gatewayUrl,
        `
          query ($id: CitizenId!) {
            resident(id: $id) {
              name
              familyPlanning {
                onRecord
                childBearingAge
              }
            }
          }
        `,
        { id: residentId },
        headers,
      ),
    );
    await arrived;
    subgraph.child.kill('SIGTERM');
    const exited = timed(subgraph.exited);

    // Not accepting: the port is closed while the request in flight is still being served.
    await refusing(stack.ports.subgraphs['family-planning']!);
    expect(read.settled()).toBe(false);
    const answer = await read.work;
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.resident.familyPlanning?.onRecord).toBe(true);

    const { value: code, ms } = await exited;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(GRACE_MS);

    const database = new Client({ connectionString: stack.databaseUrl });
    await database.connect();
    try {
      const { rows } = await database.query<{ outcome: string; fields: string[] }>(
        `SELECT outcome, fields FROM audit.audit_entry WHERE subgraph = 'family-planning' AND resident_ids @> ARRAY[$1]`,
        [residentId],
      );
      expect(rows).toEqual([{ outcome: 'SERVED', fields: expect.arrayContaining(['Resident.familyPlanning']) }]);
    } finally {
      await database.end();
    }
  });

  it('the gateway answers the request in flight, refuses new connections and exits 0', async () => {
    const standIn = stack.ports.standIns['public-security']!;
    const gateway = stack.services.get('gateway')!;
    await slowDown(standIn, DELAY_MS);
    const arrived = callArrived(standIn, '/api/rkxx/query');
    const read = watched(
      graphql<{ resident: { name: string } }>(
        stack.gatewayUrl,
        `
          query ($id: CitizenId!) {
            resident(id: $id) {
              name
            }
          }
        `,
        { id: residentId },
        headers,
      ),
    );
    await arrived;
    gateway.child.kill('SIGTERM');
    const exited = timed(gateway.exited);

    await refusing(stack.ports.gateway);
    expect(read.settled()).toBe(false);
    const answer = await read.work;
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.resident.name).toBe(readTruth(stack.dataDir).find((resident) => resident.id === residentId)!.name);

    const { value: code, ms } = await exited;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(GRACE_MS);
  });
});
