import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import {
  createUserTokenVerifier,
  GATEWAY_CONTEXT_HEADER,
  mintUserToken,
  verifyUserToken,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type Caller,
  type KeyLike,
} from '../src';

const worker: Caller = { subject: 'w-1', role: 'grid-worker', department: null, grids: ['G001'], community: null };
const clerk: Caller = { subject: 'c-1', role: 'window-clerk', department: null, grids: [], community: 'C01' };

let privateKey: KeyLike;
let publicKey: KeyLike;
beforeAll(async () => {
  ({ privateKey, publicKey } = await generateKeyPair('ES256'));
});
afterEach(() => jest.restoreAllMocks());

/** The moment a token expires, as the verifier reckons it (epoch milliseconds). */
const expiryOf = (token: string) => decodeJwt(token).exp! * 1000;
/** Makes the verifier's own clock (Date.now) read `ms`; jose keeps the real time. */
const clockAt = (ms: number) => jest.spyOn(Date, 'now').mockReturnValue(ms);

describe('the remembering token verifier', () => {
  it('refuses a remembered token from the very millisecond it expires, then forgets it and verifies it afresh', async () => {
    const verify = createUserTokenVerifier(publicKey);
    const token = await mintUserToken(worker, privateKey, { expiresIn: '1h' });
    expect(await verify(token)).toEqual(worker);
    clockAt(expiryOf(token));
    await expect(verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'token expired' });
    // Forgotten: the next request has it verified again (jose, on the real clock, takes it).
    expect(await verify(token)).toEqual(worker);
  });

  it('keeps no more tokens than maxEntries: the oldest is forgotten and verified afresh', async () => {
    const verify = createUserTokenVerifier(publicKey, { maxEntries: 1 });
    const first = await mintUserToken(worker, privateKey, { expiresIn: '1h' });
    const second = await mintUserToken(clerk, privateKey, { expiresIn: '1h' });
    expect(await verify(first)).toEqual(worker);
    expect(await verify(second)).toEqual(clerk);
    clockAt(expiryOf(first));
    // Were it still remembered, its remembered expiry would refuse it.
    expect(await verify(first)).toEqual(worker);
  });

  it('remembers a token no longer than maxAgeMs', async () => {
    const verify = createUserTokenVerifier(publicKey, { maxAgeMs: 20 });
    const token = await mintUserToken(worker, privateKey, { expiresIn: '1h' });
    expect(await verify(token)).toEqual(worker);
    await new Promise((resolve) => setTimeout(resolve, 200));
    clockAt(expiryOf(token));
    expect(await verify(token)).toEqual(worker);
  });
});

describe('why a token is refused', () => {
  it('names every invalid claim with its dotted path, separated by semicolons', async () => {
    const token = await new SignJWT({ role: 'mayor', grids: ['G001', 5] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('m-1')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime('1h')
      .sign(privateKey);
    const refusal: unknown = await verifyUserToken(token, publicKey).catch((error: unknown) => error);
    expect((refusal as { reason: string }).reason).toMatch(/^token claims are invalid: role [^;]+; grids\.1 \S/);
  });

  it('says a token is unreadable when verifying it fails for a reason that is not the token’s', async () => {
    const token = await mintUserToken(worker, privateKey);
    await expect(verifyUserToken(token, 'not a key' as unknown as KeyLike)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'token unreadable' });
  });
});

describe('the gateway context header', () => {
  it('is x-gateway-context, as every subgraph reads it', () => {
    expect(GATEWAY_CONTEXT_HEADER).toBe('x-gateway-context');
  });
});
