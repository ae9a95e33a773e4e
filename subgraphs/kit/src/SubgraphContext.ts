import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { GATEWAY_CONTEXT_HEADER, TrustError, verifyGatewayContext, type GatewayContextClaims, type KeyLike } from '@resident-graph/trust';
import { operationScoped } from './operationScoped';

/** What every subgraph's resolvers and rules can rely on: the gateway vouched for it. */
export interface TrustedContext {
  trust: GatewayContextClaims;
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Refuses any request the gateway did not sign (UNAUTHENTICATED, HTTP 401) before a
 * resolver runs, then gives each client operation one department context.
 */
export function trustedContext<TContext extends object>(
  createContext: (request: IncomingMessage) => Promise<TContext>,
  gatewayPublicKey: KeyLike,
): (request: IncomingMessage) => Promise<TContext & TrustedContext> {
  const scoped = operationScoped(createContext);
  return async (request) => {
    let trust: GatewayContextClaims;
    try {
      trust = await verifyGatewayContext(headerOf(request, GATEWAY_CONTEXT_HEADER), gatewayPublicKey);
    } catch (error) {
      const reason = error instanceof TrustError ? error.reason : 'gateway context refused';
      throw new GraphQLError(reason, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    return { ...(await scoped(trust.operationId, request)), trust };
  };
}
