import { randomUUID } from 'node:crypto';
import { SignJWT, generateKeyPair } from 'jose';
import { hashBody, KEY_SET_REQUEST_HEADER, signKeySetRequest, verifyKeySetRequest, type Caller, type KeyLike, type KeySetRequestClaims } from '../src';

const analyst: Caller = { subject: 'a-1', role: 'analyst', department: null, grids: [], community: 'C01' };
const claims: KeySetRequestClaims = { caller: analyst, requestId: 'req-1', department: 'grid' };
const body = JSON.stringify({ asOf: '2026-06-30', facts: [{ category: 'LAID_OFF' }], partitions: [], placement: true });

let privateKey: KeyLike;
let publicKey: KeyLike;
beforeAll(async () => {
  ({ privateKey, publicKey } = await generateKeyPair('ES256'));
});
afterEach(() => jest.restoreAllMocks());

/** A token shaped as the statistics service's, with one claim changed or left out. */
async function forged(change: { issuer?: string; caller?: unknown; without?: 'jti' | 'iat' }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token = new SignJWT({ caller: change.caller ?? analyst, rid: 'req-1', bh: hashBody(body) })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(change.issuer ?? 'resident-graph-statistics')
    .setAudience('resident-graph-department:grid')
    .setExpirationTime(now + 60);
  if (change.without !== 'iat') token.setIssuedAt(now);
  if (change.without !== 'jti') token.setJti(randomUUID());
  return token.sign(privateKey);
}

describe('a key-set request', () => {
  it('travels in the X-Statistics-Request header, the name departments read', () => {
    expect(KEY_SET_REQUEST_HEADER).toBe('x-statistics-request');
  });

  it.each(['jti', 'iat'] as const)('is refused without a %s: a request that cannot be taken once, or aged, is not taken', async (claim) => {
    await expect(verifyKeySetRequest(await forged({ without: claim }), body, 'grid', publicKey)).rejects.toThrow('statistics request does not verify');
  });

  it('verifies for the department and body it was signed for, naming the analyst and a token id of its own', async () => {
    const verified = await verifyKeySetRequest(await signKeySetRequest(claims, body, privateKey), body, 'grid', publicKey);
    expect(verified).toEqual({ ...claims, requestTokenId: expect.any(String) });
    const again = await verifyKeySetRequest(await signKeySetRequest(claims, body, privateKey), body, 'grid', publicKey);
    expect(again.requestTokenId).not.toBe(verified.requestTokenId);
  });

  it('is refused without a signature', async () => {
    await expect(verifyKeySetRequest(undefined, body, 'grid', publicKey)).rejects.toThrow('no statistics request signature');
  });

  it('is refused by another department', async () => {
    await expect(verifyKeySetRequest(await signKeySetRequest(claims, body, privateKey), body, 'labour', publicKey)).rejects.toMatchObject({
      cause: { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'aud' },
    });
  });

  it('is refused for another body', async () => {
    const header = await signKeySetRequest(claims, body, privateKey);
    await expect(verifyKeySetRequest(header, body.replace('LAID_OFF', 'ELDERLY'), 'grid', publicKey)).rejects.toThrow('signed for another body');
  });

  it('is refused from another issuer, or signed with another key', async () => {
    await expect(verifyKeySetRequest(await forged({ issuer: 'resident-graph-gateway' }), body, 'grid', publicKey)).rejects.toMatchObject({
      cause: { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'iss' },
    });
    const other = await generateKeyPair('ES256');
    await expect(verifyKeySetRequest(await signKeySetRequest(claims, body, other.privateKey), body, 'grid', publicKey)).rejects.toThrow('does not verify');
  });

  it('is refused for anyone but an analyst, and with a malformed caller', async () => {
    const worker: Caller = { ...analyst, role: 'grid-worker', community: null, grids: ['G01'] };
    await expect(verifyKeySetRequest(await signKeySetRequest({ ...claims, caller: worker }, body, privateKey), body, 'grid', publicKey)).rejects.toThrow(
      'key sets are for analysts, not a grid-worker',
    );
    await expect(verifyKeySetRequest(await forged({ caller: { subject: 'a-1' } }), body, 'grid', publicKey)).rejects.toThrow('malformed');
  });

  it('is refused once it has expired, a minute after it was signed', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.now() - 61_000);
    const header = await signKeySetRequest(claims, body, privateKey);
    jest.restoreAllMocks();
    await expect(verifyKeySetRequest(header, body, 'grid', publicKey)).rejects.toMatchObject({ cause: { code: 'ERR_JWT_EXPIRED' } });
  });
});
