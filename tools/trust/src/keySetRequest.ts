import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type KeyLike } from 'jose';
import { callerSchema, type Caller } from './Caller';
import { hashBody } from './gatewayContext';
import { SIGNING_ALGORITHM } from './keys';
import { TrustError } from './TrustError';

/** The header carrying the statistics service's signed request to a department. */
export const KEY_SET_REQUEST_HEADER = 'x-statistics-request';
const STATISTICS_ISSUER = 'resident-graph-statistics';
/** As short as a gateway context: a captured request is useless a minute later. */
const KEY_SET_REQUEST_TTL_SECONDS = 60;

/** Whom a department's key sets are for: one analyst's statistics request. */
export interface KeySetRequestClaims {
  /** The analyst, as the gateway verified them. */
  caller: Caller;
  /** The gateway's id of the analyst's request, so department logs join the audit entry. */
  requestId: string;
  /** The department asked: a request signed for one department is refused by every other. */
  department: string;
}

export interface VerifiedKeySetRequest extends KeySetRequestClaims {
  /** Unique per signed request (JWT `jti`), for the department's replay guard. */
  requestTokenId: string;
}

const audienceOf = (department: string) => `resident-graph-department:${department}`;

/** Signs a request for key sets, bound to its exact body, to one department, for 60 s. */
export async function signKeySetRequest(claims: KeySetRequestClaims, body: string, statisticsPrivateKey: KeyLike): Promise<string> {
  const issuedAt = Math.floor(Date.now() / 1000);
  return new SignJWT({ caller: claims.caller, rid: claims.requestId, bh: hashBody(body) })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM })
    .setIssuer(STATISTICS_ISSUER)
    .setAudience(audienceOf(claims.department))
    .setIssuedAt(issuedAt)
    .setJti(randomUUID())
    .setExpirationTime(issuedAt + KEY_SET_REQUEST_TTL_SECONDS)
    .sign(statisticsPrivateKey);
}

/**
 * A department answers a key-set request only when the statistics service signed it for
 * this department and this body, and only for an analyst: key sets are for counting.
 */
export async function verifyKeySetRequest(
  header: string | undefined,
  body: string,
  department: string,
  statisticsPublicKey: KeyLike,
): Promise<VerifiedKeySetRequest> {
  if (!header) throw new TrustError('no statistics request signature: key sets are given only to the statistics service');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(header, statisticsPublicKey, {
      issuer: STATISTICS_ISSUER,
      audience: audienceOf(department),
      algorithms: [SIGNING_ALGORITHM],
      requiredClaims: ['exp', 'iat', 'jti'],
      maxTokenAge: KEY_SET_REQUEST_TTL_SECONDS,
    }));
  } catch (error) {
    throw new TrustError('statistics request does not verify', { cause: error });
  }
  if (payload.bh !== hashBody(body)) throw new TrustError('statistics request was signed for another body');
  const caller = callerSchema.safeParse(payload.caller);
  if (!caller.success || typeof payload.rid !== 'string') throw new TrustError('statistics request is malformed');
  if (caller.data.role !== 'analyst') throw new TrustError(`key sets are for analysts, not a ${caller.data.role}`);
  return { caller: caller.data, requestId: payload.rid, department, requestTokenId: payload.jti as string };
}
