import type { IncomingMessage } from 'node:http';
import { generateKeyPair } from 'jose';
import { mintUserToken, verifyGatewayContext, type Caller, type KeyLike } from '@resident-graph/trust';
import { gatewayContextFactory } from '../src/GatewayContext';

const officer: Caller = { subject: 'officer-1', role: 'department-officer', department: 'labour', grids: [], community: 'C01' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('gatewayContextFactory', () => {
  let issuerPrivate: KeyLike;
  let issuerPublic: KeyLike;
  let gatewayPublic: KeyLike;
  let contextOf: ReturnType<typeof gatewayContextFactory>;
  let token: string;
  beforeAll(async () => {
    const issuer = await generateKeyPair('ES256');
    const gateway = await generateKeyPair('ES256');
    issuerPrivate = issuer.privateKey;
    issuerPublic = issuer.publicKey;
    gatewayPublic = gateway.publicKey;
    contextOf = gatewayContextFactory({ issuerPublicKey: issuer.publicKey, gatewayPrivateKey: gateway.privateKey });
    token = await mintUserToken(officer, issuerPrivate);
  });
  const request = (headers: Record<string, string | string[]>) => ({ headers }) as unknown as IncomingMessage;

  it('takes the caller from the bearer token, the purpose from X-Purpose, and signs both for the subgraphs under a fresh operation id', async () => {
    const context = await contextOf(request({ authorization: `Bearer ${token}`, 'x-purpose': 'CASE_REVIEW:LB-7', 'x-request-id': ['req-7', 'req-8'] }));
    expect(context).toMatchObject({ caller: officer, purpose: { code: 'CASE_REVIEW', reference: 'LB-7' }, requestId: 'req-7', operationId: expect.stringMatching(UUID) });
    expect(await verifyGatewayContext(await context.forwardedContext, gatewayPublic)).toEqual({
      caller: officer,
      purpose: { code: 'CASE_REVIEW', reference: 'LB-7' },
      requestId: 'req-7',
      operationId: context.operationId,
    });
  });

  it('makes up a request id when none is given, and never reuses an operation id', async () => {
    const [first, second] = await Promise.all([contextOf(request({ authorization: `bearer ${token}` })), contextOf(request({ authorization: `Bearer \t  ${token}` }))]);
    expect(first).toMatchObject({ caller: officer, purpose: null, requestId: expect.stringMatching(UUID) });
    expect(new Set([first!.requestId, first!.operationId, second!.requestId, second!.operationId]).size).toBe(4);
  });

  it.each([
    ['no Authorization header', () => ({})],
    ['another scheme', () => ({ authorization: `Basic ${token}` })],
    ['a bearer header with more than the token', () => ({ authorization: `Bearer ${token} extra` })],
    ['a bearer header with the token after other text', () => ({ authorization: `x Bearer ${token}` })],
  ])('refuses %s: 401, UNAUTHENTICATED, asking for a bearer token', async (_case, headers) => {
    await expect(contextOf(request(headers()))).rejects.toMatchObject({
      message: 'an Authorization: Bearer <token> header is required',
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  });

  it('refuses a token that does not verify, saying why', async () => {
    const { privateKey: stranger } = await generateKeyPair('ES256');
    await expect(contextOf(request({ authorization: `Bearer ${await mintUserToken(officer, stranger)}` }))).rejects.toMatchObject({
      message: 'token signature does not verify',
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  });

  it('leaves no rejection unhandled when the context cannot be signed: the subgraph fetch that awaits it fails instead', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      // A public key cannot sign: the forwarded context fails, the caller's context does not.
      const cannotSign = gatewayContextFactory({ issuerPublicKey: issuerPublic, gatewayPrivateKey: gatewayPublic });
      const context = await cannotSign(request({ authorization: `Bearer ${token}` }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).not.toHaveBeenCalled();
      await expect(context.forwardedContext).rejects.toThrow();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('refuses a purpose off the coded list: 400, PURPOSE_REQUIRED, naming the codes', async () => {
    const refusal = contextOf(request({ authorization: `Bearer ${token}`, 'x-purpose': 'CURIOSITY' }));
    await expect(refusal).rejects.toMatchObject({ extensions: { code: 'PURPOSE_REQUIRED', http: { status: 400 } } });
    await expect(refusal).rejects.toThrow('unknown purpose code "CURIOSITY"; X-Purpose is one of SERVICE_APPLICATION, HOME_VISIT, CASE_REVIEW, ELIGIBILITY_CHECK, DATA_CORRECTION, EMERGENCY, SUPERVISION [:reference]');
  });
});
