import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface GatewayContext {
  /** The caller's request id (or ours), for logs and audit. */
  requestId: string;
  /** Ours alone, never the caller's: subgraphs share per-operation caches under it. */
  operationId: string;
  /** `X-Purpose: CODE[:reference]` as the caller stated it. */
  purpose: string | null;
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export async function createGatewayContext(request: IncomingMessage): Promise<GatewayContext> {
  return { requestId: header(request, 'x-request-id') ?? randomUUID(), operationId: randomUUID(), purpose: header(request, 'x-purpose') };
}
