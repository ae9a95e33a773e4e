import { randomUUID } from 'node:crypto';
import type { Stack } from '@resident-graph/stack';
import { requestHeaders } from '@resident-graph/tests';
import { GATEWAY_CONTEXT_HEADER, loadKey, parsePurpose, signGatewayContext, type Caller, type PurposeCode } from '@resident-graph/trust';

/** Who a workload's requests come from, and why they read. */
export interface Credentials {
  caller: Caller;
  purpose: PurposeCode | `${PurposeCode}:${string}`;
}

/** Headers for each request of a run, in turn. */
export type HeaderSource = () => Record<string, string>;

const JSON_BODY = Object.freeze({ 'content-type': 'application/json' });

/**
 * The headers every request to a gateway carries: a token the stack's dev issuer signed for
 * the caller, and the purpose. The one place a client's identity is made.
 */
export async function gatewayHeaders(stack: Stack, credentials: Credentials): Promise<Record<string, string>> {
  return { ...JSON_BODY, ...(await requestHeaders(stack, credentials.caller, credentials.purpose)) };
}

/**
 * What the gateway forwards: a context it signed, one per operation (subgraphs share one
 * set of DataLoaders per operation id, so reusing one across requests would serve later
 * requests from the first one's caches). `count` are signed up front; past them they repeat.
 * Each run signs its own just before it starts: a context lives a minute at most.
 */
export async function forwardedContexts(stack: Stack, credentials: Credentials, count: number): Promise<HeaderSource> {
  const parsed = parsePurpose(credentials.purpose);
  if (!parsed.ok) throw new Error(`benchmark purpose: ${parsed.reason}`);
  const key = await loadKey(stack.keysDir, 'gateway', 'private');
  const pool = await Promise.all(
    Array.from({ length: Math.max(1, count) }, async () => {
      const claims = { caller: credentials.caller, purpose: parsed.purpose, requestId: randomUUID(), operationId: randomUUID() };
      return { ...JSON_BODY, [GATEWAY_CONTEXT_HEADER]: await signGatewayContext(claims, key) };
    }),
  );
  let next = 0;
  return () => pool[next++ % pool.length]!;
}

/** The same headers for every request. */
export const fixedHeaders =
  (headers: Record<string, string> = JSON_BODY): HeaderSource =>
  () =>
    headers;
