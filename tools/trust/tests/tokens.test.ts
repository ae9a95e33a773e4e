import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { fakeTheClockOnly } from '@resident-graph/test-kit';
import {
  createUserTokenVerifier,
  ensureKeyPairs,
  loadKey,
  mintUserToken,
  hashBody,
  parsePurpose,
  signGatewayContext,
  verifyGatewayContext,
  verifyUserToken,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type Caller,
  type KeyLike,
} from '../src';

const worker: Caller = { subject: 'w-1', role: 'grid-worker', department: null, grids: ['G001'], community: null };

describe('user tokens', () => {
  let dir: string;
  let issuerPrivate: KeyLike;
  let issuerPublic: KeyLike;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'trust-'));
    await ensureKeyPairs(dir);
    issuerPrivate = await loadKey(dir, 'issuer', 'private');
    issuerPublic = await loadKey(dir, 'issuer', 'public');
  });

  it('round-trips the caller', async () => {
    expect(await verifyUserToken(await mintUserToken(worker, issuerPrivate), issuerPublic)).toEqual(worker);
  });

  it('keeps keys once made', async () => {
    await ensureKeyPairs(dir);
    const token = await mintUserToken(worker, issuerPrivate);
    expect(await verifyUserToken(token, await loadKey(dir, 'issuer', 'public'))).toEqual(worker);
  });

  it('refuses an expired token', async () => {
    const token = await mintUserToken(worker, issuerPrivate, { expiresIn: '-1s' });
    await expect(verifyUserToken(token, issuerPublic)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'token expired' });
  });

  it('refuses a token signed with another key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await mintUserToken(worker, privateKey);
    await expect(verifyUserToken(token, issuerPublic)).rejects.toMatchObject({ reason: 'token signature does not verify' });
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, payload, signature] = (await mintUserToken(worker, issuerPrivate)).split('.');
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), grids: ['G001', 'G002'] })).toString(
      'base64url',
    );
    await expect(verifyUserToken(`${header}.${altered}.${signature}`, issuerPublic)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  /** A token as the issuer signs it, but with `change` applied: every check but the changed one passes. */
  const signedAs = (change: { issuer?: string; audience?: string }) =>
    new SignJWT({ role: 'grid-worker', department: null, grids: ['G001'], community: null })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('w-1')
      .setIssuer(change.issuer ?? 'resident-graph-dev-issuer')
      .setAudience(change.audience ?? 'resident-graph')
      .setExpirationTime('1h')
      .sign(issuerPrivate);

  it('takes a token signed as the issuer signs it (the refusals below change one thing of it)', async () => {
    expect(await verifyUserToken(await signedAs({}), issuerPublic)).toEqual(worker);
  });

  it('refuses a correctly signed token from another issuer', async () => {
    await expect(verifyUserToken(await signedAs({ issuer: 'some-other-issuer' }), issuerPublic)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'token claim iss is invalid',
    });
  });

  it('refuses a correctly signed token meant for another audience', async () => {
    await expect(verifyUserToken(await signedAs({ audience: 'resident-graph-subgraphs' }), issuerPublic)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'token claim aud is invalid',
    });
  });

  it('refuses a token whose algorithm is not ES256, such as HS256 keyed with the public key', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(await exportJWK(issuerPublic)));
    const token = await new SignJWT({ role: 'grid-worker', grids: ['G001'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('w-1')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime('1h')
      .sign(secret);
    await expect(verifyUserToken(token, issuerPublic)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'token refused (ERR_JOSE_ALG_NOT_ALLOWED)' });
  });

  it('refuses a token without an expiry', async () => {
    const token = await new SignJWT({ role: 'grid-worker', grids: ['G001'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('w-1')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .sign(issuerPrivate);
    await expect(verifyUserToken(token, issuerPublic)).rejects.toMatchObject({ reason: 'token claim exp is invalid' });
  });

  describe('a verifier that remembers verified tokens', () => {
    it('answers the same caller for the same token, time after time', async () => {
      const verify = createUserTokenVerifier(issuerPublic);
      const token = await mintUserToken(worker, issuerPrivate);
      for (let round = 0; round < 3; round++) expect(await verify(token)).toEqual(worker);
    });

    it('refuses a remembered token once it has expired', async () => {
      const verify = createUserTokenVerifier(issuerPublic);
      // Two seconds, not one: `exp` counts from the whole second of issue, so a one-second token
      // minted late in a second may be expired before a slow (instrumented) first check.
      const token = await mintUserToken(worker, issuerPrivate, { expiresIn: '2s' });
      expect(await verify(token)).toEqual(worker);
      await new Promise((resolve) => setTimeout(resolve, 3_100));
      await expect(verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'token expired' });
      await expect(verify(token)).rejects.toMatchObject({ reason: 'token expired' });
    });

    it('never remembers a refusal, nor lets a forgery borrow a remembered token', async () => {
      const verify = createUserTokenVerifier(issuerPublic);
      const token = await mintUserToken(worker, issuerPrivate);
      expect(await verify(token)).toEqual(worker);
      const [header, payload, signature] = token.split('.');
      const widened = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), grids: ['G001', 'G002'] })).toString(
        'base64url',
      );
      for (let round = 0; round < 2; round++) await expect(verify(`${header}.${widened}.${signature}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  it('refuses an unknown role and garbage', async () => {
    const token = await new SignJWT({ role: 'mayor', grids: [] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('x')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime('1h')
      .sign(issuerPrivate);
    await expect(verifyUserToken(token, issuerPublic)).rejects.toMatchObject({ reason: expect.stringMatching(/^token claims are invalid: role/) });
    await expect(verifyUserToken('not.a.token', issuerPublic)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses an officer without a department at minting', async () => {
    await expect(mintUserToken({ ...worker, role: 'department-officer' }, issuerPrivate)).rejects.toThrow(/department/);
  });
});

describe('gateway context', () => {
  let gatewayPrivate: KeyLike;
  let gatewayPublic: KeyLike;
  const claims = {
    caller: worker,
    purpose: { code: 'HOME_VISIT' as const, reference: 'V-1' },
    requestId: 'r-1',
    clientRequestId: 'client-1',
    operationId: 'o-1',
  };
  beforeAll(async () => {
    ({ privateKey: gatewayPrivate, publicKey: gatewayPublic } = await generateKeyPair('ES256'));
  });

  it('round-trips caller, purpose, ids and the body it is bound to, with an id of its own', async () => {
    const bound = { ...claims, bodyHash: hashBody('{"query":"{ a }"}') };
    const [first, second] = await Promise.all([0, 1].map(async () => verifyGatewayContext(await signGatewayContext(bound, gatewayPrivate), gatewayPublic)));
    expect(first).toEqual({ ...bound, contextId: expect.any(String) });
    expect(first!.contextId).not.toBe(second!.contextId);
  });

  it('refuses a missing, forged or expired context', async () => {
    await expect(verifyGatewayContext(undefined, gatewayPublic)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const { privateKey: forger } = await generateKeyPair('ES256');
    await expect(verifyGatewayContext(await signGatewayContext(claims, forger), gatewayPublic)).rejects.toMatchObject({
      reason: 'gateway context does not verify',
    });
    await expect(verifyGatewayContext(await signGatewayContext(claims, gatewayPrivate, -1), gatewayPublic)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('carries a purpose reference exactly as the gateway decoded it, never decoding it again', async () => {
    for (const reference of ['案-50%41', '%E6%A1%88', 'a:b:c', '50%']) {
      const signed = { ...claims, purpose: { code: 'CASE_REVIEW' as const, reference } };
      expect((await verifyGatewayContext(await signGatewayContext(signed, gatewayPrivate), gatewayPublic)).purpose).toEqual({ code: 'CASE_REVIEW', reference });
    }
    expect((await verifyGatewayContext(await signGatewayContext({ ...claims, purpose: null }, gatewayPrivate), gatewayPublic)).purpose).toBeNull();
  });

  it('refuses a signed context whose purpose claims are not a known code and a reference', async () => {
    for (const purpose of [
      { pc: 'CURIOSITY', pr: null },
      { pc: null, pr: 'orphan' },
      { pc: 'CASE_REVIEW', pr: 42 },
    ]) {
      const token = await new SignJWT({ caller: worker, rid: 'r', oid: 'o', ...purpose })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuedAt()
        .setIssuer('resident-graph-gateway')
        .setAudience('resident-graph-subgraphs')
        .setExpirationTime('1m')
        .sign(gatewayPrivate);
      await expect(verifyGatewayContext(token, gatewayPublic)).rejects.toMatchObject({ reason: 'gateway context is malformed' });
    }
  });

  it('does not take a user token for a gateway context', async () => {
    await expect(verifyGatewayContext(await mintUserToken(worker, gatewayPrivate), gatewayPublic)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  /** A context as the gateway signs it, with `change` applied: every check but the changed one passes. */
  const contextAs = (
    change: { issuer?: string; audience?: string; issuedAt?: number; lifetime?: number; alg?: 'HS256' },
    key: KeyLike | Uint8Array = gatewayPrivate,
  ) => {
    const issuedAt = change.issuedAt ?? Math.floor(Date.now() / 1000);
    return new SignJWT({ caller: worker, pc: 'HOME_VISIT', pr: 'V-1', rid: 'r-1', crid: 'client-1', oid: 'o-1', bh: null, jti: 'j-1' })
      .setProtectedHeader({ alg: change.alg ?? 'ES256' })
      .setIssuer(change.issuer ?? 'resident-graph-gateway')
      .setAudience(change.audience ?? 'resident-graph-subgraphs')
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + (change.lifetime ?? 60))
      .sign(key);
  };

  it('takes a context signed as the gateway signs it (the refusals below change one thing of it)', async () => {
    expect(await verifyGatewayContext(await contextAs({}), gatewayPublic)).toEqual({ ...claims, bodyHash: null, contextId: 'j-1' });
  });

  it('refuses a correctly signed context from another issuer', async () => {
    await expect(verifyGatewayContext(await contextAs({ issuer: 'resident-graph-dev-issuer' }), gatewayPublic)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      cause: { claim: 'iss' },
    });
  });

  it('refuses a correctly signed context meant for another audience', async () => {
    await expect(verifyGatewayContext(await contextAs({ audience: 'resident-graph' }), gatewayPublic)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      cause: { claim: 'aud' },
    });
  });

  it('refuses a context whose algorithm is not ES256, such as HS256 keyed with the public key', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(await exportJWK(gatewayPublic)));
    await expect(verifyGatewayContext(await contextAs({ alg: 'HS256' }, secret), gatewayPublic)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      cause: { code: 'ERR_JOSE_ALG_NOT_ALLOWED' },
    });
  });

  it('refuses a context claiming a lifetime longer than 60 s, however it was signed', async () => {
    await expect(verifyGatewayContext(await contextAs({ lifetime: 3600 }), gatewayPublic)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'gateway context claims a lifetime longer than the gateway gives',
    });
    await expect(verifyGatewayContext(await signGatewayContext(claims, gatewayPrivate, 3600), gatewayPublic)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(await verifyGatewayContext(await contextAs({ lifetime: 60 }), gatewayPublic)).toEqual({ ...claims, bodyHash: null, contextId: 'j-1' });
  });

  it('refuses a context issued in the future, even with a 60 s lifetime', async () => {
    const later = Math.floor(Date.now() / 1000) + 3600;
    await expect(verifyGatewayContext(await contextAs({ issuedAt: later }), gatewayPublic)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      cause: { claim: 'iat' },
    });
  });

  it('signs iat and exp from one reading of Date.now, so a second turning between them cannot stretch the lifetime', async () => {
    const now = jest.spyOn(Date, 'now');
    // The first reading just before a second turns, every later one just after.
    now.mockReturnValueOnce(1_800_000_000_999).mockReturnValue(1_800_000_001_000);
    try {
      const [, payload] = (await signGatewayContext(claims, gatewayPrivate)).split('.');
      const { iat, exp } = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { iat: number; exp: number };
      expect(exp - iat).toBe(60);
    } finally {
      now.mockRestore();
    }
  });

  describe('on a clock the test moves', () => {
    beforeEach(() => {
      fakeTheClockOnly(new Date('2026-03-01T09:00:00Z'));
    });
    afterEach(() => jest.useRealTimers());

    it('a context the gateway makes is taken for 60 s after it was made, and refused after', async () => {
      const context = await signGatewayContext(claims, gatewayPrivate);
      jest.setSystemTime(new Date('2026-03-01T09:00:59Z'));
      expect(await verifyGatewayContext(context, gatewayPublic)).toMatchObject(claims);
      jest.setSystemTime(new Date('2026-03-01T09:01:01Z'));
      await expect(verifyGatewayContext(context, gatewayPublic)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', cause: { code: 'ERR_JWT_EXPIRED' } });
    });
  });
});

describe('parsePurpose', () => {
  it.each([
    ['HOME_VISIT', { code: 'HOME_VISIT', reference: null }],
    ['CASE_REVIEW:DB-2026-0042', { code: 'CASE_REVIEW', reference: 'DB-2026-0042' }],
    [' SERVICE_APPLICATION : 受理号 17 ', { code: 'SERVICE_APPLICATION', reference: '受理号 17' }],
    [`CASE_REVIEW:${encodeURIComponent('民政 2024-017')}`, { code: 'CASE_REVIEW', reference: '民政 2024-017' }],
    [`CASE_REVIEW:${Buffer.from('民政2024-017', 'utf8').toString('latin1')}`, { code: 'CASE_REVIEW', reference: '民政2024-017' }],
    ['CASE_REVIEW:50% done', { code: 'CASE_REVIEW', reference: '50% done' }],
    // Decoded once: an escaped percent sign stays a percent sign, whatever follows it.
    ['CASE_REVIEW:案-50%2541', { code: 'CASE_REVIEW', reference: '案-50%41' }],
    [`CASE_REVIEW:${encodeURIComponent('案-50%41')}`, { code: 'CASE_REVIEW', reference: '案-50%41' }],
    [`CASE_REVIEW:${Buffer.from('案-50', 'utf8').toString('latin1')}%2541`, { code: 'CASE_REVIEW', reference: '案-50%41' }],
    [`CASE_REVIEW:${Buffer.from('Ωmega-案件-', 'utf8').toString('latin1')}%D0%96`, { code: 'CASE_REVIEW', reference: 'Ωmega-案件-Ж' }],
    ['CASE_REVIEW:%20padded%20', { code: 'CASE_REVIEW', reference: ' padded ' }],
    ['CASE_REVIEW:Zürich (Latin-1)', { code: 'CASE_REVIEW', reference: 'Zürich (Latin-1)' }],
    ['HOME_VISIT:   ', { code: 'HOME_VISIT', reference: null }],
  ])('reads %p', (header, purpose) => {
    expect(parsePurpose(header)).toEqual({ ok: true, purpose });
  });

  it.each([undefined, '', 'CURIOSITY', `CASE_REVIEW:${'x'.repeat(201)}`, `CASE_REVIEW:${encodeURIComponent('案'.repeat(201))}`])('refuses %p', (header) => {
    expect(parsePurpose(header).ok).toBe(false);
  });

  it.each(['CASE_REVIEW:%E6%B0', 'CASE_REVIEW:%41%zz', 'CASE_REVIEW:%C0%80', 'CASE_REVIEW:%FF'])(
    'refuses the broken percent escape %p, saying how to encode',
    (header) => {
      expect(parsePurpose(header)).toEqual({ ok: false, reason: expect.stringContaining('encodeURIComponent') });
    },
  );

  it.each([
    'CASE_REVIEW:a%00b',
    'CASE_REVIEW:a%0Ab',
    'CASE_REVIEW:a%0D%0Ab',
    'CASE_REVIEW:a%09b',
    'CASE_REVIEW:a%7Fb',
    'CASE_REVIEW:a%C2%85b',
    'CASE_REVIEW:a\tb',
    'CASE_REVIEW:a\u0000b',
  ])('refuses the control character in %p', (header) => {
    expect(parsePurpose(header)).toEqual({ ok: false, reason: 'purpose reference contains a control character' });
  });
});
