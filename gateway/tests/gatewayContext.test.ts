import type { IncomingMessage } from 'node:http';
import { generateKeyPair, type KeyLike } from 'jose';
import { hashBody, mintUserToken, verifyGatewayContext, type Caller } from '@resident-graph/trust';
import { currentRequestId, inRequestScope } from '@resident-graph/service-kit';
import { gatewayContextFactory } from '../src/GatewayContext';

const worker: Caller = { subject: 'gw-7', role: 'grid-worker', department: null, grids: ['G001'], community: null };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('gatewayContextFactory', () => {
  let issuer: { privateKey: KeyLike; publicKey: KeyLike };
  let gateway: { privateKey: KeyLike; publicKey: KeyLike };
  let contextOf: ReturnType<typeof gatewayContextFactory>;
  beforeAll(async () => {
    [issuer, gateway] = await Promise.all([generateKeyPair('ES256'), generateKeyPair('ES256')]);
    contextOf = gatewayContextFactory({ issuerPublicKey: issuer.publicKey, gatewayPrivateKey: gateway.privateKey });
  });
  const requestWith = async (headers: Record<string, string>) =>
    ({ headers: { authorization: `Bearer ${await mintUserToken(worker, issuer.privateKey)}`, ...headers } }) as unknown as IncomingMessage;

  it("makes its own request id for every request and keeps the client's apart, signed for subgraphs", async () => {
    const [first, second] = await Promise.all([
      contextOf(await requestWith({ 'x-request-id': 'req-1' })),
      contextOf(await requestWith({ 'x-request-id': 'req-1' })),
    ]);
    expect(first.requestId).toMatch(UUID);
    expect(second.requestId).toMatch(UUID);
    expect(first.requestId).not.toBe(second.requestId);
    expect(first.clientRequestId).toBe('req-1');
    const forwarded = await verifyGatewayContext(await first.signFor('{"query":"{ a }"}'), gateway.publicKey);
    expect(forwarded).toMatchObject({ requestId: first.requestId, clientRequestId: 'req-1', operationId: first.operationId });
  });

  it('names the request being served by its new id, so every log line and outgoing call from then on carries it', async () => {
    const request = await requestWith({ 'x-request-id': 'req-1' });
    const [context, named] = await inRequestScope(async () => [await contextOf(request), currentRequestId()] as const);
    expect(named).toBe(context.requestId);
  });

  it('signs a context per subgraph fetch, bound to its body, each with its own id', async () => {
    const context = await contextOf(await requestWith({}));
    const [one, again, other] = await Promise.all(
      ['{"query":"{ a }"}', '{"query":"{ a }"}', '{"query":"{ b }"}'].map(async (body) => verifyGatewayContext(await context.signFor(body), gateway.publicKey)),
    );
    expect(one!.bodyHash).toBe(hashBody('{"query":"{ a }"}'));
    expect(other!.bodyHash).toBe(hashBody('{"query":"{ b }"}'));
    expect(new Set([one!.contextId, again!.contextId, other!.contextId]).size).toBe(3);
    expect(one!.contextId).toMatch(UUID);
  });

  it('has no client request id when none is sent', async () => {
    const context = await contextOf(await requestWith({}));
    expect(context.clientRequestId).toBeNull();
    expect(context.requestId).toMatch(UUID);
  });

  it.each(['x'.repeat(65), 'a b', 'id\u0085', 'ünïcode', 'a"b', ''])('refuses the client request id %p with BAD_USER_INPUT', async (id) => {
    await expect(contextOf(await requestWith({ 'x-request-id': id }))).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  });

  it.each([
    ['CASE_REVIEW:案-50%2541', '案-50%41'],
    [`CASE_REVIEW:${encodeURIComponent('案-50%41')}`, '案-50%41'],
  ])('decodes the purpose %p once and signs code and reference apart', async (header, reference) => {
    const context = await contextOf(await requestWith({ 'x-purpose': header }));
    expect(context.purpose).toEqual({ code: 'CASE_REVIEW', reference });
    expect((await verifyGatewayContext(await context.signFor('{}'), gateway.publicKey)).purpose).toEqual({ code: 'CASE_REVIEW', reference });
  });

  it.each(['CASE_REVIEW:a%00b', 'CASE_REVIEW:a%0Ab', 'CASE_REVIEW:%E6%A1'])('refuses the purpose %p with PURPOSE_REQUIRED', async (header) => {
    await expect(contextOf(await requestWith({ 'x-purpose': header }))).rejects.toMatchObject({
      extensions: { code: 'PURPOSE_REQUIRED', http: { status: 400 } },
    });
  });

  describe('refuses, saying why', () => {
    const refusal = async (headers: Record<string, string>) =>
      contextOf({ headers } as unknown as IncomingMessage).then(
        () => null,
        (error: { message: string; extensions: unknown }) => ({ message: error.message, extensions: error.extensions }),
      );
    const token = () => mintUserToken(worker, issuer.privateKey);
    const NO_TOKEN = { message: 'an Authorization: Bearer <token> header is required', extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } };

    it.each([
      ['no Authorization header', async () => ({})],
      ['a token without the Bearer scheme', async () => ({ authorization: await token() })],
      ['a Bearer token with more after it', async () => ({ authorization: `Bearer ${await token()} extra` })],
      ['text before the Bearer scheme', async () => ({ authorization: `Token Bearer ${await token()}` })],
    ])('%s', async (_what, headersOf) => {
      expect(await refusal(await headersOf())).toEqual(NO_TOKEN);
    });

    it('takes the scheme in any case and more than one space after it', async () => {
      expect(await refusal({ authorization: `bearer   ${await token()}` })).toBeNull();
    });

    it("a token the issuer did not sign, with the verifier's reason", async () => {
      const forged = await mintUserToken(worker, (await generateKeyPair('ES256')).privateKey);
      expect(await refusal({ authorization: `Bearer ${forged}` })).toEqual({
        message: 'token signature does not verify',
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    });

    it('an unknown purpose, listing the codes', async () => {
      const refused = await refusal({ authorization: `Bearer ${await token()}`, 'x-purpose': 'CURIOSITY' });
      expect(refused?.message).toMatch(
        /^unknown purpose code "CURIOSITY"; X-Purpose is one of SERVICE_APPLICATION, HOME_VISIT, CASE_REVIEW, .+ \[:reference\]$/,
      );
    });

    it('a malformed client request id, saying what it may hold', async () => {
      const refused = await refusal({ authorization: `Bearer ${await token()}`, 'x-request-id': 'a b' });
      expect(refused?.message).toBe('X-Request-Id is 1 to 64 characters of A-Z a-z 0-9 . _ : -');
    });
  });
});
