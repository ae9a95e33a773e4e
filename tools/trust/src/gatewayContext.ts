import { SignJWT, jwtVerify, type KeyLike } from 'jose';
import { callerSchema, type Caller } from './Caller';
import { SIGNING_ALGORITHM } from './keys';
import type { Purpose } from './purpose';
import { parsePurpose } from './purpose';
import { TrustError } from './TrustError';

/** The header carrying the gateway-signed context to subgraphs. */
export const GATEWAY_CONTEXT_HEADER = 'x-gateway-context';
const GATEWAY_ISSUER = 'resident-graph-gateway';
const SUBGRAPH_AUDIENCE = 'resident-graph-subgraphs';
/** Short-lived: a captured header is useless a minute later. */
export const GATEWAY_CONTEXT_LIFETIME_SECONDS = 60;

/** What a subgraph learns of a request: verified by the gateway, signed by it. */
export interface GatewayContextClaims {
  caller: Caller;
  purpose: Purpose | null;
  requestId: string;
  operationId: string;
}

/** Signs the context for one operation; `ttlSeconds` above the lifetime makes a context no subgraph takes. */
export async function signGatewayContext(claims: GatewayContextClaims, gatewayPrivateKey: KeyLike, ttlSeconds = GATEWAY_CONTEXT_LIFETIME_SECONDS): Promise<string> {
  return new SignJWT({
    caller: claims.caller,
    purpose: claims.purpose ? `${claims.purpose.code}${claims.purpose.reference ? `:${claims.purpose.reference}` : ''}` : null,
    rid: claims.requestId,
    oid: claims.operationId,
  })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM })
    .setIssuer(GATEWAY_ISSUER)
    .setAudience(SUBGRAPH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(gatewayPrivateKey);
}

/**
 * A subgraph accepts a request only with a context the gateway signed, for subgraphs, at
 * most a lifetime ago and good for at most a lifetime: a context claiming a longer life
 * was not made by the gateway, or was made to be replayed.
 */
export async function verifyGatewayContext(header: string | undefined, gatewayPublicKey: KeyLike): Promise<GatewayContextClaims> {
  if (!header) throw new TrustError('no gateway context: subgraphs answer only through the gateway');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(header, gatewayPublicKey, {
      issuer: GATEWAY_ISSUER,
      audience: SUBGRAPH_AUDIENCE,
      algorithms: [SIGNING_ALGORITHM],
      requiredClaims: ['exp'],
      maxTokenAge: GATEWAY_CONTEXT_LIFETIME_SECONDS,
    }));
  } catch (error) {
    throw new TrustError('gateway context does not verify', { cause: error });
  }
  if ((payload.exp as number) - (payload.iat as number) > GATEWAY_CONTEXT_LIFETIME_SECONDS) throw new TrustError('gateway context claims a lifetime longer than the gateway gives');
  const caller = callerSchema.safeParse(payload.caller);
  if (!caller.success || typeof payload.rid !== 'string' || typeof payload.oid !== 'string') throw new TrustError('gateway context is malformed');
  const purpose = typeof payload.purpose === 'string' ? parsePurpose(payload.purpose) : null;
  return { caller: caller.data, purpose: purpose?.ok ? purpose.purpose : null, requestId: payload.rid, operationId: payload.oid };
}
