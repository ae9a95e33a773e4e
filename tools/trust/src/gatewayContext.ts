import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SignJWT, jwtVerify, type KeyLike } from 'jose';
import { callerSchema, type Caller } from './Caller';
import { SIGNING_ALGORITHM } from './keys';
import { isPurposeCode, MAX_PURPOSE_REFERENCE, type Purpose, type PurposeCode } from './purpose';
import { TrustError } from './TrustError';

/** The header carrying the gateway-signed context to subgraphs. */
export const GATEWAY_CONTEXT_HEADER = 'x-gateway-context';
const GATEWAY_ISSUER = 'resident-graph-gateway';
const SUBGRAPH_AUDIENCE = 'resident-graph-subgraphs';

/** What a subgraph learns of a request: verified by the gateway, signed by it. */
export interface GatewayContextClaims {
  caller: Caller;
  purpose: Purpose | null;
  /** The gateway's id of the client's request (a UUID). */
  requestId: string;
  /** The client's own `X-Request-Id`, checked by the gateway; kept apart from `requestId`. */
  clientRequestId?: string | null;
  operationId: string;
  /**
   * Binds the context to the one subgraph request it was made for: `hashBody` of that
   * request's body. The gateway always sets it; a context without it binds to nothing.
   */
  bodyHash?: string | null;
}

/** A verified context: the claims, and the id that lets a subgraph take it only once. */
export interface VerifiedGatewayContext extends GatewayContextClaims {
  clientRequestId: string | null;
  bodyHash: string | null;
  /** Unique per signed context (JWT `jti`); null only in a context signed without one. */
  contextId: string | null;
}

/** What a gateway context's `bodyHash` is: SHA-256 (base64url) of the request body exactly as sent. */
export const hashBody = (body: string): string => createHash('sha256').update(body, 'utf8').digest('base64url');

/** How long a gateway context verifies: a subgraph must remember its id at least as long. */
export const GATEWAY_CONTEXT_TTL_SECONDS = 60;

/** Short-lived: a captured header is useless a minute later, and bound to one request body before that. */
export async function signGatewayContext(claims: GatewayContextClaims, gatewayPrivateKey: KeyLike, ttlSeconds = GATEWAY_CONTEXT_TTL_SECONDS): Promise<string> {
  // One clock reading for both: read twice across a second's turn, `exp - iat` came out a
  // second over the lifetime and the subgraphs refused the gateway's own context.
  const issuedAt = Math.floor(Date.now() / 1000);
  return new SignJWT({
    caller: claims.caller,
    // Code and reference as the gateway decoded them, apart: nothing downstream parses or decodes again.
    pc: claims.purpose?.code ?? null,
    pr: claims.purpose?.reference ?? null,
    rid: claims.requestId,
    crid: claims.clientRequestId ?? null,
    bh: claims.bodyHash ?? null,
    oid: claims.operationId,
  })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM })
    .setIssuer(GATEWAY_ISSUER)
    .setAudience(SUBGRAPH_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setJti(randomUUID())
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(gatewayPrivateKey);
}

/** No purpose (both null), or a known code with an optional reference. */
const purposeClaims = z
  .object({ code: z.custom<PurposeCode>(isPurposeCode).nullable(), reference: z.string().max(MAX_PURPOSE_REFERENCE).nullable() })
  .refine((claim) => claim.code !== null || claim.reference === null)
  .transform((claim): Purpose | null => (claim.code === null ? null : { code: claim.code, reference: claim.reference }));

const idClaims = z.object({
  rid: z.string().min(1),
  crid: z.string().max(64).nullish().default(null),
  oid: z.string().min(1),
  bh: z.string().nullish().default(null),
  jti: z.string().nullish().default(null),
});

/** A subgraph accepts a request only with a context the gateway signed. */
export async function verifyGatewayContext(header: string | undefined, gatewayPublicKey: KeyLike): Promise<VerifiedGatewayContext> {
  if (!header) throw new TrustError('no gateway context: subgraphs answer only through the gateway');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(header, gatewayPublicKey, {
      issuer: GATEWAY_ISSUER,
      audience: SUBGRAPH_AUDIENCE,
      algorithms: [SIGNING_ALGORITHM],
      requiredClaims: ['exp'],
      maxTokenAge: GATEWAY_CONTEXT_TTL_SECONDS,
    }));
  } catch (error) {
    throw new TrustError('gateway context does not verify', { cause: error });
  }
  if ((payload.exp as number) - (payload.iat as number) > GATEWAY_CONTEXT_TTL_SECONDS)
    throw new TrustError('gateway context claims a lifetime longer than the gateway gives');
  const caller = callerSchema.safeParse(payload.caller);
  const purpose = purposeClaims.safeParse({ code: payload.pc, reference: payload.pr });
  const ids = idClaims.safeParse(payload);
  if (!caller.success || !purpose.success || !ids.success) throw new TrustError('gateway context is malformed');
  return {
    caller: caller.data,
    purpose: purpose.data,
    requestId: ids.data.rid,
    clientRequestId: ids.data.crid,
    operationId: ids.data.oid,
    bodyHash: ids.data.bh,
    contextId: ids.data.jti,
  };
}
