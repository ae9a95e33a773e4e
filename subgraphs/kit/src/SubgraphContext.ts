import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import {
  GATEWAY_CONTEXT_HEADER,
  GATEWAY_CONTEXT_TTL_SECONDS,
  TrustError,
  hashBody,
  verifyGatewayContext,
  type KeyLike,
  type VerifiedGatewayContext,
} from '@resident-graph/trust';
import { bindRequestId } from '@resident-graph/service-kit';
import type { ContextBinding } from './contextBinding';
import { operationScoped } from './operationScoped';

/** What every subgraph's resolvers and rules can rely on: the gateway vouched for it. */
export interface TrustedContext {
  trust: VerifiedGatewayContext;
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

// Clocks of gateway and subgraph may differ a little; a context id is kept that much longer.
const REMEMBER_MS = (GATEWAY_CONTEXT_TTL_SECONDS + 30) * 1000;

/** Why a verified context may not serve this request, or null when it may. */
async function unboundReason(trust: VerifiedGatewayContext, body: string, binding: ContextBinding): Promise<string | null> {
  if (!trust.bodyHash || !trust.contextId) return 'gateway context is not bound to a request';
  if (trust.bodyHash !== hashBody(body)) return 'gateway context was signed for another request body';
  let first: boolean;
  try {
    first = await binding.replayGuard.firstUse(trust.contextId, REMEMBER_MS);
  } catch {
    return 'gateway context cannot be checked for replay (store unavailable)';
  }
  return first ? null : 'gateway context was already used (replayed)';
}

/**
 * Refuses any request the gateway did not sign (UNAUTHENTICATED, HTTP 401) before a
 * resolver runs — and, with a binding, any context signed for another request body or
 * already used once — then gives each client operation one department context.
 */
export function trustedContext<TContext extends object>(
  createContext: (request: IncomingMessage) => Promise<TContext>,
  gatewayPublicKey: KeyLike,
  binding: ContextBinding | null,
): (request: IncomingMessage, body: string) => Promise<TContext & TrustedContext> {
  const scoped = operationScoped(createContext);
  const refuse = (reason: string) => new GraphQLError(reason, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  return async (request, body) => {
    let trust: VerifiedGatewayContext;
    try {
      trust = await verifyGatewayContext(headerOf(request, GATEWAY_CONTEXT_HEADER), gatewayPublicKey);
    } catch (error) {
      throw refuse(error instanceof TrustError ? error.reason : 'gateway context refused');
    }
    const unbound = binding ? await unboundReason(trust, body, binding) : null;
    if (unbound) throw refuse(unbound);
    bindRequestId(trust.requestId);
    return { ...(await scoped(trust.operationId, request)), trust };
  };
}
