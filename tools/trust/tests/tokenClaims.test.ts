import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT, decodeProtectedHeader } from 'jose';
import {
  ensureKeyPairs,
  GATEWAY_CONTEXT_HEADER,
  loadKey,
  mintUserToken,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  TrustError,
  verifyGatewayContext,
  verifyUserToken,
  type Caller,
  type KeyLike,
} from '../src';

describe('what a token carries, and what it must', () => {
  let issuerPrivate: KeyLike;
  let issuerPublic: KeyLike;
  let gatewayPrivate: KeyLike;
  let gatewayPublic: KeyLike;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'trust-claims-'));
    await ensureKeyPairs(dir);
    issuerPrivate = await loadKey(dir, 'issuer', 'private');
    issuerPublic = await loadKey(dir, 'issuer', 'public');
    gatewayPrivate = await loadKey(dir, 'gateway', 'private');
    gatewayPublic = await loadKey(dir, 'gateway', 'public');
  });

  const refusal = async (verifying: Promise<unknown>) =>
    verifying.then(
      () => null,
      (error: unknown) => error,
    );

  it("gives back an officer's department and community, and a clerk's community, as minted", async () => {
    const officer: Caller = { subject: 'o-1', role: 'department-officer', department: 'labour', grids: ['G003'], community: 'C01' };
    const clerk: Caller = { subject: 'c-1', role: 'window-clerk', department: null, grids: [], community: 'C02' };
    for (const caller of [officer, clerk]) expect(await verifyUserToken(await mintUserToken(caller, issuerPrivate), issuerPublic)).toEqual(caller);
  });

  it('is typed as a JWT in its header', async () => {
    const token = await mintUserToken({ subject: 'a-1', role: 'analyst', department: null, grids: [], community: null }, issuerPrivate);
    expect(decodeProtectedHeader(token).typ).toBe('JWT');
  });

  it('reads a token that leaves out the claims a role does not need as no department, no grids, no community', async () => {
    const token = await new SignJWT({ role: 'analyst' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('a-2')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(issuerPrivate);
    expect(await verifyUserToken(token, issuerPublic)).toEqual({ subject: 'a-2', role: 'analyst', department: null, grids: [], community: null });
  });

  it('says which claims are invalid, and keeps what jose said of a token it refused', async () => {
    const token = await new SignJWT({ role: 'mayor' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('m-1')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime('1h')
      .sign(issuerPrivate);
    const invalid = await refusal(verifyUserToken(token, issuerPublic));
    expect(invalid).toBeInstanceOf(TrustError);
    expect((invalid as TrustError).reason).toMatch(/^token claims are invalid: role /);

    const garbage = await refusal(verifyUserToken('not.a.token', issuerPublic));
    expect((garbage as TrustError).reason).toMatch(/^token refused \(/);
    expect((garbage as TrustError).cause).toBeDefined();
    expect((garbage as TrustError).name).toBe('TrustError');
  });

  it('refuses a gateway context that never expires, signed by the gateway itself', async () => {
    const context = await new SignJWT({
      caller: { subject: 'w', role: 'grid-worker', department: null, grids: ['G001'], community: null },
      pc: null,
      pr: null,
      rid: 'r',
      oid: 'o',
    })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('resident-graph-gateway')
      .setAudience('resident-graph-subgraphs')
      .setIssuedAt()
      .sign(gatewayPrivate);
    await expect(verifyGatewayContext(context, gatewayPublic)).rejects.toMatchObject({ reason: 'gateway context does not verify' });
  });

  it('travels in the x-gateway-context header', () => {
    expect(GATEWAY_CONTEXT_HEADER).toBe('x-gateway-context');
  });
});
