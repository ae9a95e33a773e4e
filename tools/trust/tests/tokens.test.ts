import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT, generateKeyPair } from 'jose';
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
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), grids: ['G001', 'G002'] })).toString('base64url');
    await expect(verifyUserToken(`${header}.${altered}.${signature}`, issuerPublic)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
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
      const token = await mintUserToken(worker, issuerPrivate, { expiresIn: '1s' });
      expect(await verify(token)).toEqual(worker);
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      await expect(verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'token expired' });
      await expect(verify(token)).rejects.toMatchObject({ reason: 'token expired' });
    });

    it('never remembers a refusal, nor lets a forgery borrow a remembered token', async () => {
      const verify = createUserTokenVerifier(issuerPublic);
      const token = await mintUserToken(worker, issuerPrivate);
      expect(await verify(token)).toEqual(worker);
      const [header, payload, signature] = token.split('.');
      const widened = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), grids: ['G001', 'G002'] })).toString('base64url');
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
  const claims = { caller: worker, purpose: { code: 'HOME_VISIT' as const, reference: 'V-1' }, requestId: 'r-1', clientRequestId: 'client-1', operationId: 'o-1' };
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
    await expect(verifyGatewayContext(await signGatewayContext(claims, forger), gatewayPublic)).rejects.toMatchObject({ reason: 'gateway context does not verify' });
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
    for (const purpose of [{ pc: 'CURIOSITY', pr: null }, { pc: null, pr: 'orphan' }, { pc: 'CASE_REVIEW', pr: 42 }]) {
      const token = await new SignJWT({ caller: worker, rid: 'r', oid: 'o', ...purpose })
        .setProtectedHeader({ alg: 'ES256' })
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

  it.each(['CASE_REVIEW:%E6%B0', 'CASE_REVIEW:%41%zz', 'CASE_REVIEW:%C0%80', 'CASE_REVIEW:%FF'])('refuses the broken percent escape %p, saying how to encode', (header) => {
    expect(parsePurpose(header)).toEqual({ ok: false, reason: expect.stringContaining('encodeURIComponent') });
  });

  it.each(['CASE_REVIEW:a%00b', 'CASE_REVIEW:a%0Ab', 'CASE_REVIEW:a%0D%0Ab', 'CASE_REVIEW:a%09b', 'CASE_REVIEW:a%7Fb', 'CASE_REVIEW:a%C2%85b', 'CASE_REVIEW:a\tb', 'CASE_REVIEW:a\u0000b'])(
    'refuses the control character in %p',
    (header) => {
      expect(parsePurpose(header)).toEqual({ ok: false, reason: 'purpose reference contains a control character' });
    },
  );
});
