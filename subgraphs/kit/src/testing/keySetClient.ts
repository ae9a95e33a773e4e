import { randomUUID } from 'node:crypto';
import { KEY_SET_REQUEST_HEADER, loadKey, signKeySetRequest, type Caller } from '@resident-graph/trust';
import { KEY_SET_PATH } from '../statistics/keySetRoute';
import { decodeKeySetAnswer } from '../statistics/keySetWire';
import type { KeySetAnswer, KeySetQuery } from '../statistics/keySets';

export interface KeySetClient {
  /** The signed request's headers for `body`, as the statistics service signs it (for `department` @default the subgraph's). */
  sign(body: string, analyst: Caller, department?: string): Promise<Record<string, string>>;
  /** POSTs `body` to the subgraph's key-set route with exactly `headers`. */
  post(body: string, headers?: Record<string, string>): Promise<Response>;
  /** Asks for key sets as the statistics service would (no facts, partitions or placement unless given); throws on any status but 200. */
  ask(query: Partial<KeySetQuery> & Pick<KeySetQuery, 'asOf'>, analyst: Caller): Promise<KeySetAnswer>;
}

/**
 * Asks one subgraph for key sets the way the statistics service does, signing with the
 * `statistics` private key in `keysDir` (a test trust's).
 */
export function keySetClient(subgraphUrl: string, department: string, keysDir: string): KeySetClient {
  const client: KeySetClient = {
    async sign(body, analyst, to = department) {
      return {
        [KEY_SET_REQUEST_HEADER]: await signKeySetRequest(
          { caller: analyst, requestId: randomUUID(), department: to },
          body,
          await loadKey(keysDir, 'statistics', 'private'),
        ),
      };
    },
    post: (body, headers = {}) =>
      fetch(new URL(KEY_SET_PATH, subgraphUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }),
    async ask(query, analyst) {
      const body = JSON.stringify({ facts: [], partitions: [], placement: false, ...query });
      const response = await client.post(body, await client.sign(body, analyst));
      if (response.status !== 200) throw new Error(`${department} answered ${response.status}: ${await response.text()}`);
      return decodeKeySetAnswer(new Uint8Array(await response.arrayBuffer()));
    },
  };
  return client;
}
