import type { KeyLike } from 'jose';
import { callerSchema, type Caller } from './Caller';
import { signServiceRequest, verifyServiceRequest, type ServiceRequestKind } from './serviceRequest';
import { TrustError } from './TrustError';

/** The header carrying the statistics service's signed request to a department. */
export const KEY_SET_REQUEST_HEADER = 'x-statistics-request';
const KEY_SET_REQUEST: ServiceRequestKind = { issuer: 'resident-graph-statistics', name: 'statistics request' };

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

/** Signs a request for key sets, bound to its exact body, to one department, for 60 s. */
export async function signKeySetRequest(claims: KeySetRequestClaims, body: string, statisticsPrivateKey: KeyLike): Promise<string> {
  return signServiceRequest(KEY_SET_REQUEST, claims.department, { caller: claims.caller, rid: claims.requestId }, body, statisticsPrivateKey);
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
  const payload = await verifyServiceRequest(KEY_SET_REQUEST, header, body, department, statisticsPublicKey);
  const caller = callerSchema.safeParse(payload.caller);
  if (!caller.success || typeof payload.rid !== 'string') throw new TrustError('statistics request is malformed');
  if (caller.data.role !== 'analyst') throw new TrustError(`key sets are for analysts, not a ${caller.data.role}`);
  return { caller: caller.data, requestId: payload.rid, department, requestTokenId: payload.jti };
}
