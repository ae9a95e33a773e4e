import { randomUUID } from 'node:crypto';
import type { ReportedChange } from '@resident-graph/schemas';
import { CHANGE_DELIVERY_HEADER, loadKey, signChangeDelivery, type Caller, type ChangeDeliveryClaims } from '@resident-graph/trust';
import { CHANGE_CHECKS_PATH, CHANGE_DELIVERIES_PATH } from '../changes/changeRoutes';

/** A window clerk of community C01, the reporter of test deliveries unless a test names another. */
export const TEST_REPORTER: Caller = { subject: 'clerk-c01', role: 'window-clerk', department: null, grids: [], community: 'C01' };

export interface ChangeDeliveryClient {
  /** The signed header for `body`, as the changes service signs a delivery (to the client's department unless `claims` says otherwise). */
  sign(body: string, claims?: Partial<ChangeDeliveryClaims>): Promise<Record<string, string>>;
  /** POSTs `body` to `/changes/deliveries` (or `/changes/checks`) with exactly `headers`. */
  post(body: string, headers?: Record<string, string>, path?: string): Promise<Response>;
  /** Delivers `change` under `deliveryId` as the changes service would, signed anew each time; the status and JSON answer. */
  deliver(change: ReportedChange, deliveryId?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Asks whether `change` can be, as the changes service does before it queues it. */
  check(change: ReportedChange): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** Talks to one subgraph's change routes the way the changes service does, signing with the `changes` private key in `keysDir`. */
export function changeDeliveryClient(subgraphUrl: string, department: string, keysDir: string): ChangeDeliveryClient {
  const send = async (path: string, change: ReportedChange, deliveryId: string) => {
    const body = JSON.stringify(change);
    const response = await client.post(body, await client.sign(body, { deliveryId }), path);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const client: ChangeDeliveryClient = {
    async sign(body, claims = {}) {
      const signed = await signChangeDelivery(
        { department, deliveryId: randomUUID(), reportId: randomUUID(), reporter: TEST_REPORTER, ...claims },
        body,
        await loadKey(keysDir, 'changes', 'private'),
      );
      return { [CHANGE_DELIVERY_HEADER]: signed };
    },
    post: (body, headers = {}, path = CHANGE_DELIVERIES_PATH) =>
      fetch(new URL(path, subgraphUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }),
    deliver: (change, deliveryId = randomUUID()) => send(CHANGE_DELIVERIES_PATH, change, deliveryId),
    check: (change) => send(CHANGE_CHECKS_PATH, change, randomUUID()),
  };
  return client;
}
