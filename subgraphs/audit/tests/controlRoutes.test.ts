import type { AuditStore } from '@resident-graph/audit';
import type { RunningServer } from '@resident-graph/service-kit';
import { createTestTrust } from '@resident-graph/trust/testing';
import { startAuditSubgraph } from '../src';

// The routes beside /graphql never reach the trail, so no store stands behind them here.
const noStore = {} as AuditStore;
const TEST_RUN = process.env.TEST_CONTROL_ROUTES;
let subgraph: RunningServer | undefined;
afterEach(async () => {
  if (TEST_RUN === undefined) delete process.env.TEST_CONTROL_ROUTES;
  else process.env.TEST_CONTROL_ROUTES = TEST_RUN;
  await subgraph?.close();
});

async function start(testRun: boolean): Promise<string> {
  if (testRun) process.env.TEST_CONTROL_ROUTES = '1';
  else delete process.env.TEST_CONTROL_ROUTES;
  const { gatewayPublicKey } = await createTestTrust();
  subgraph = await startAuditSubgraph({ port: 0, store: noStore, gatewayPublicKey });
  return subgraph.url.replace(/\/graphql$/, '');
}

it('serves no /__control route on the default start', async () => {
  const base = await start(false);
  expect((await fetch(`${base}/health`)).status).toBe(200);
  expect((await fetch(`${base}/__control/calls`)).status).toBe(404);
});

it('serves the call counts in a test run', async () => {
  const base = await start(true);
  const response = await fetch(`${base}/__control/calls`);
  expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: {} });
});
