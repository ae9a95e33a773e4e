import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import {
  PURPOSE_CODES,
  TrustError,
  hashBody,
  parsePurpose,
  signGatewayContext,
  createUserTokenVerifier,
  type Caller,
  type KeyLike,
  type Purpose,
} from '@resident-graph/trust';
import { bindRequestId, REQUEST_ID_PATTERN } from '@resident-graph/service-kit';

export interface GatewayContext {
  caller: Caller;
  /** `X-Purpose: CODE[:reference]`; subgraphs refuse personal data without one. */
  purpose: Purpose | null;
  /** Ours, a UUID per request: the audit entries' and log lines' request id. */
  requestId: string;
  /** The caller's `X-Request-Id`, if any: logged beside ours for correlation, never used as ours. */
  clientRequestId: string | null;
  /** Ours alone, never the caller's: subgraphs share per-operation caches under it. */
  operationId: string;
  /** The signed context for one subgraph fetch of this operation, bound to its body. */
  signFor(body: string): Promise<string>;
}

export interface GatewayKeys {
  issuerPublicKey: KeyLike;
  gatewayPrivateKey: KeyLike;
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

const refuse = (code: string, message: string, status: number) => new GraphQLError(message, { extensions: { code, http: { status } } });

/**
 * Authenticates the caller before anything else happens: no valid bearer token, no
 * operation (UNAUTHENTICATED, 401). A stated purpose must be one of the coded list. The
 * request id is always the gateway's own: a caller's could collide with, or pose as,
 * another request's in the audit trail.
 */
export function gatewayContextFactory(keys: GatewayKeys) {
  const verifyUserToken = createUserTokenVerifier(keys.issuerPublicKey);
  return async (request: IncomingMessage): Promise<GatewayContext> => {
    const authorization = header(request, 'authorization');
    const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw refuse('UNAUTHENTICATED', 'an Authorization: Bearer <token> header is required', 401);
    let caller: Caller;
    try {
      caller = await verifyUserToken(token);
    } catch (error) {
      throw refuse('UNAUTHENTICATED', error instanceof TrustError ? error.reason : 'token refused', 401);
    }
    const stated = header(request, 'x-purpose');
    let purpose: Purpose | null = null;
    if (stated !== null) {
      const parsed = parsePurpose(stated);
      if (!parsed.ok) throw refuse('PURPOSE_REQUIRED', `${parsed.reason}; X-Purpose is one of ${Object.keys(PURPOSE_CODES).join(', ')} [:reference]`, 400);
      purpose = parsed.purpose;
    }
    const clientRequestId = header(request, 'x-request-id');
    if (clientRequestId !== null && !REQUEST_ID_PATTERN.test(clientRequestId)) {
      throw refuse('BAD_USER_INPUT', 'X-Request-Id is 1 to 64 characters of A-Z a-z 0-9 . _ : -', 400);
    }
    const requestId = randomUUID();
    bindRequestId(requestId);
    const operationId = randomUUID();
    const signFor = (body: string) =>
      signGatewayContext({ caller, purpose, requestId, clientRequestId, operationId, bodyHash: hashBody(body) }, keys.gatewayPrivateKey);
    return { caller, purpose, requestId, clientRequestId, operationId, signFor };
  };
}
