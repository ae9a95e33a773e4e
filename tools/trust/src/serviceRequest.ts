import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload, type KeyLike } from 'jose';
import { hashBody } from './gatewayContext';
import { SIGNING_ALGORITHM } from './keys';
import { TrustError } from './TrustError';

/** As short as a gateway context: a captured request is useless a minute later. */
export const SERVICE_REQUEST_TTL_SECONDS = 60;

/** A platform service calling a department: which service (the issuer) and what it calls the request in errors. */
export interface ServiceRequestKind {
  issuer: string;
  /** e.g. "statistics request", in refusals. */
  name: string;
}

const audienceOf = (department: string) => `resident-graph-department:${department}`;

/** Signs `claims` for one department and one exact body, for 60 s, unique per request (`jti`). */
export async function signServiceRequest(
  kind: ServiceRequestKind,
  department: string,
  claims: Record<string, unknown>,
  body: string,
  privateKey: KeyLike,
): Promise<string> {
  const issuedAt = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims, bh: hashBody(body) })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM })
    .setIssuer(kind.issuer)
    .setAudience(audienceOf(department))
    .setIssuedAt(issuedAt)
    .setJti(randomUUID())
    .setExpirationTime(issuedAt + SERVICE_REQUEST_TTL_SECONDS)
    .sign(privateKey);
}

/**
 * The payload of a request `kind`'s service signed for `department` and this body, within
 * its lifetime; anything else is a `TrustError` saying what is wrong.
 */
export async function verifyServiceRequest(
  kind: ServiceRequestKind,
  header: string | undefined,
  body: string,
  department: string,
  publicKey: KeyLike,
): Promise<JWTPayload & { jti: string }> {
  if (!header) throw new TrustError(`no ${kind.name} signature`);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(header, publicKey, {
      issuer: kind.issuer,
      audience: audienceOf(department),
      algorithms: [SIGNING_ALGORITHM],
      requiredClaims: ['exp', 'iat', 'jti'],
      maxTokenAge: SERVICE_REQUEST_TTL_SECONDS,
    }));
  } catch (error) {
    throw new TrustError(`${kind.name} does not verify`, { cause: error });
  }
  if (payload.bh !== hashBody(body)) throw new TrustError(`${kind.name} was signed for another body`);
  return payload as JWTPayload & { jti: string };
}
