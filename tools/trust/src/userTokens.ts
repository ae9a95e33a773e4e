import { SignJWT, errors, jwtVerify, type KeyLike } from 'jose';
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

/** Verifies a bearer token and returns the caller it names, or throws a `TrustError` saying why not. */
export async function verifyUserToken(token: string, publicKey: KeyLike): Promise<Caller> {
  try {
    const { payload } = await jwtVerify(token, publicKey, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: [SIGNING_ALGORITHM] });
    const caller = callerSchema.safeParse({
      subject: payload.sub,
      role: payload.role,
      department: payload.department ?? null,
      grids: payload.grids ?? [],
      community: payload.community ?? null,
    });
    if (!caller.success) throw new TrustError(`token claims are invalid: ${caller.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    return caller.data;
  } catch (error) {
    if (error instanceof TrustError) throw error;
    throw new TrustError(reasonOf(error), { cause: error });
  }
}
