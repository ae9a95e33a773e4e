import { SignJWT, errors, jwtVerify, type KeyLike } from 'jose';
import { LRUCache } from 'lru-cache';
import { callerSchema, type Caller } from './Caller';
import { SIGNING_ALGORITHM } from './keys';
import { TrustError } from './TrustError';

export const TOKEN_ISSUER = 'resident-graph-dev-issuer';
export const TOKEN_AUDIENCE = 'resident-graph';

/** Mints a user token (dev issuer): subject, role, department, jurisdiction, expiry. */
export async function mintUserToken(caller: Caller, privateKey: KeyLike, options: { expiresIn?: string } = {}): Promise<string> {
  const valid = callerSchema.parse(caller);
  return new SignJWT({ role: valid.role, department: valid.department, grids: valid.grids, community: valid.community })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: 'JWT' })
    .setSubject(valid.subject)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(privateKey);
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature does not verify';
  if (error instanceof errors.JWTClaimValidationFailed) return `token claim ${error.claim} is invalid`;
  if (error instanceof errors.JOSEError) return `token refused (${error.code})`;
  return 'token unreadable';
}

interface VerifiedToken {
  caller: Caller;
  /** Epoch milliseconds; the token's own expiry. */
  expiresAt: number;
}

async function verifyToken(token: string, publicKey: KeyLike): Promise<VerifiedToken> {
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      algorithms: [SIGNING_ALGORITHM],
      requiredClaims: ['exp'],
    });
    const caller = callerSchema.safeParse({
      subject: payload.sub,
      role: payload.role,
      department: payload.department ?? null,
      grids: payload.grids ?? [],
      community: payload.community ?? null,
    });
    if (!caller.success) throw new TrustError(`token claims are invalid: ${caller.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    return { caller: caller.data, expiresAt: payload.exp! * 1000 };
  } catch (error) {
    if (error instanceof TrustError) throw error;
    throw new TrustError(reasonOf(error), { cause: error });
  }
}

/** Verifies a bearer token and returns the caller it names, or throws a `TrustError` saying why not. */
export async function verifyUserToken(token: string, publicKey: KeyLike): Promise<Caller> {
  return (await verifyToken(token, publicKey)).caller;
}

export interface UserTokenVerifierOptions {
  /** Verified tokens remembered at most. @default 10000 */
  maxEntries?: number;
  /** A remembered token is verified afresh after this long, expired or not. @default 300000 */
  maxAgeMs?: number;
}

/**
 * `verifyUserToken` for a server that sees the same callers' tokens over and over: a token
 * that verified is remembered, by its exact text, until it expires (or `maxAgeMs`), so its
 * signature is checked once rather than on every request. Refusals are never remembered.
 */
export function createUserTokenVerifier(publicKey: KeyLike, options: UserTokenVerifierOptions = {}): (token: string) => Promise<Caller> {
  const verified = new LRUCache<string, VerifiedToken>({ max: options.maxEntries ?? 10_000, ttl: options.maxAgeMs ?? 300_000, ttlAutopurge: false });
  return async (token) => {
    const known = verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.caller;
    if (known) {
      verified.delete(token);
      throw new TrustError('token expired');
    }
    const fresh = await verifyToken(token, publicKey);
    verified.set(token, fresh);
    return fresh.caller;
  };
}
