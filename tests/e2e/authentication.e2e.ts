import { SignJWT, generateKeyPair } from 'jose';
import { GATEWAY_CONTEXT_HEADER, TOKEN_AUDIENCE, TOKEN_ISSUER, loadKey, mintUserToken, signGatewayContext } from '@resident-graph/trust';
import { OFFICER, graphql, readTruth, requestHeaders, startTestStack, type TestStack } from '../support';

const QUERY = 'query($id: CitizenId!) { resident(id: $id) { name civilAffairs { onRecord } } }';

describe('authentication, forwarded context and purpose', () => {
  let stack: TestStack;
  let residentId: string;
  const caller = OFFICER('civil-affairs');

  beforeAll(async () => {
    stack = await startTestStack();
    residentId = readTruth(stack.dataDir)[0]!.id;
  });
  afterAll(async () => {
    await stack?.stopAll();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'x-purpose': 'CASE_REVIEW' });

  it('serves a valid token with a purpose', async () => {
    const response = await graphql<{ resident: { name: string } }>(stack.gatewayUrl, QUERY, { id: residentId }, await requestHeaders(stack, caller));
    expect(response.errors).toBeUndefined();
    expect(response.data?.resident?.name).toEqual(expect.any(String));
  });

  it.each([
    ['no token', async () => ({ 'x-purpose': 'CASE_REVIEW' })],
    ['a malformed header', async () => ({ authorization: 'Token abc', 'x-purpose': 'CASE_REVIEW' })],
    ['garbage', async () => bearer('not.a.jwt')],
    ['a token signed with another key', async () => bearer(await mintUserToken(caller, (await generateKeyPair('ES256')).privateKey))],
    ['an expired token', async () => bearer(await mintUserToken(caller, await loadKey(stack.keysDir, 'issuer', 'private'), { expiresIn: '-5s' }))],
    [
      'an unknown role',
      async () =>
        bearer(
          await new SignJWT({ role: 'mayor', grids: [] })
            .setProtectedHeader({ alg: 'ES256' })
            .setSubject('someone')
            .setIssuer(TOKEN_ISSUER)
            .setAudience(TOKEN_AUDIENCE)
            .setExpirationTime('1h')
            .sign(await loadKey(stack.keysDir, 'issuer', 'private')),
        ),
    ],
    ['the gateway key used as an issuer', async () => bearer(await mintUserToken(caller, await loadKey(stack.keysDir, 'gateway', 'private')))],
  ])('refuses %s with 401 UNAUTHENTICATED and no data', async (_what, headersOf) => {
    const response = await graphql(stack.gatewayUrl, QUERY, { id: residentId }, await headersOf());
    expect(response.status).toBe(401);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses personal data without a purpose (PURPOSE_REQUIRED), and an unknown purpose code at once', async () => {
    const silent = await graphql<{ resident: unknown }>(stack.gatewayUrl, QUERY, { id: residentId }, await requestHeaders(stack, caller, null));
    expect(silent.data?.resident ?? null).toBeNull();
    expect(silent.errors?.map((error) => error.extensions?.code)).toContain('PURPOSE_REQUIRED');

    const headers = { ...(await requestHeaders(stack, caller)), 'x-purpose': 'CURIOSITY' };
    const unknown = await graphql(stack.gatewayUrl, QUERY, { id: residentId }, headers);
    expect(unknown.status).toBe(400);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
  });

  describe('a subgraph called directly', () => {
    const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { id } } }';
    const subgraphUrl = () => `http://127.0.0.1:${stack.ports.subgraphs['public-security']!}/graphql`;
    const claims = () => ({ caller, purpose: { code: 'CASE_REVIEW' as const, reference: null }, requestId: 'r', operationId: 'o' });

    it.each([
      ['without a gateway context', async () => ({})],
      [
        'with a context signed by another key',
        async () => ({ [GATEWAY_CONTEXT_HEADER]: await signGatewayContext(claims(), (await generateKeyPair('ES256')).privateKey) }),
      ],
      [
        'with a user token instead of a context',
        async () => ({ [GATEWAY_CONTEXT_HEADER]: await mintUserToken(caller, await loadKey(stack.keysDir, 'issuer', 'private')) }),
      ],
      [
        'with an expired context',
        async () => ({ [GATEWAY_CONTEXT_HEADER]: await signGatewayContext(claims(), await loadKey(stack.keysDir, 'gateway', 'private'), -5) }),
      ],
    ])('answers nothing %s', async (_what, headersOf) => {
      const response = await graphql(subgraphUrl(), ENTITIES, { r: [{ __typename: 'Resident', id: residentId }] }, await headersOf());
      expect(response.status).toBe(401);
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});
