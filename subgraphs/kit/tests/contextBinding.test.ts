import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { generateKeyPair, type KeyLike } from 'jose';
import {
  GATEWAY_CONTEXT_HEADER,
  hashBody,
  memoryReplayGuard,
  redisReplayGuard,
  signGatewayContext,
  type Caller,
  type ReplayGuard,
} from '@resident-graph/trust';
import { currentRequestId, inRequestScope } from '@resident-graph/service-kit';
import { contextBindingFromEnv, trustedContext } from '../src';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const officer: Caller = { subject: 'officer-1', role: 'department-officer', department: 'civil-affairs', grids: [], community: null };
const BODY = JSON.stringify({
  query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
  variables: { r: [{ __typename: 'Resident', id: '1' }] },
});

describe('a gateway context bound to one subgraph request', () => {
  let gateway: { privateKey: KeyLike; publicKey: KeyLike };
  const guards: ReplayGuard[] = [];
  beforeAll(async () => {
    gateway = await generateKeyPair('ES256');
  });
  afterAll(async () => {
    await Promise.all(guards.map((guard) => guard.close()));
  });

  const signed = (body: string | null, requestId = randomUUID()) =>
    signGatewayContext(
      { caller: officer, purpose: null, requestId, operationId: randomUUID(), bodyHash: body === null ? null : hashBody(body) },
      gateway.privateKey,
    );
  const requestWith = (context: string) => ({ headers: { [GATEWAY_CONTEXT_HEADER]: context } }) as unknown as IncomingMessage;
  const subgraphOver = (guard: ReplayGuard | null) => {
    if (guard) guards.push(guard);
    return trustedContext(async () => ({}), gateway.publicKey, guard ? { replayGuard: guard } : null);
  };
  const refusedWith = (reason: RegExp) => ({ message: expect.stringMatching(reason), extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

  it.each([
    ['in memory', () => memoryReplayGuard()],
    ['in Redis', () => redisReplayGuard(REDIS_URL)],
  ])('takes a context once for the body it was signed for, %s', async (_where, guardOf) => {
    const accept = subgraphOver(guardOf());
    const context = await signed(BODY);
    await expect(accept(requestWith(context), BODY)).resolves.toMatchObject({ trust: { caller: officer } });
    await expect(accept(requestWith(context), BODY)).rejects.toMatchObject(refusedWith(/already used \(replayed\)/));
  });

  it("names the request being served by the gateway's request id once the context verifies", async () => {
    const accept = subgraphOver(memoryReplayGuard());
    const requestId = randomUUID();
    const context = await signed(BODY, requestId);
    expect(await inRequestScope(async () => (await accept(requestWith(context), BODY), currentRequestId()))).toBe(requestId);
  });

  it('refuses a context with another request body (a captured context reused for another query)', async () => {
    const accept = subgraphOver(memoryReplayGuard());
    const other = BODY.replace('"id":"1"', '"id":"2"');
    await expect(accept(requestWith(await signed(BODY)), other)).rejects.toMatchObject(refusedWith(/signed for another request body/));
  });

  it('refuses a context bound to no body', async () => {
    await expect(subgraphOver(memoryReplayGuard())(requestWith(await signed(null)), BODY)).rejects.toMatchObject(refusedWith(/not bound to a request/));
  });

  it('shares the ids taken between replicas through Redis', async () => {
    const [first, second] = [subgraphOver(redisReplayGuard(REDIS_URL)), subgraphOver(redisReplayGuard(REDIS_URL))];
    const context = await signed(BODY);
    await first(requestWith(context), BODY);
    await expect(second(requestWith(context), BODY)).rejects.toMatchObject(refusedWith(/replayed/));
  });

  it('refuses when the replay store does not answer (fails closed)', async () => {
    const accept = subgraphOver(redisReplayGuard('redis://127.0.0.1:1'));
    await expect(accept(requestWith(await signed(BODY)), BODY)).rejects.toMatchObject(refusedWith(/store unavailable/));
  });

  it('is required unless GATEWAY_CONTEXT_BINDING=off, and shared through REDIS_URL when set', async () => {
    expect(contextBindingFromEnv('test', { GATEWAY_CONTEXT_BINDING: 'off' })).toBeNull();
    const binding = contextBindingFromEnv('test', {});
    expect(binding).not.toBeNull();
    guards.push(binding!.replayGuard);
    expect(() => contextBindingFromEnv('test', { REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/);
    expect(() => contextBindingFromEnv('test', { GATEWAY_CONTEXT_BINDING: 'sometimes' })).toThrow(/GATEWAY_CONTEXT_BINDING/);
  });

  it.each([['redis://127.0.0.1:6379'], ['rediss://127.0.0.1:6380']])('takes REDIS_URL %s', (url) => {
    const binding = contextBindingFromEnv('test', { REDIS_URL: url });
    guards.push(binding!.replayGuard);
    expect(binding).not.toBeNull();
  });

  it.each([['xredis://127.0.0.1:6379'], ['redisx://127.0.0.1:6379']])('refuses REDIS_URL %s, naming the setting', (url) => {
    expect(() => contextBindingFromEnv('test', { REDIS_URL: url })).toThrow(/REDIS_URL/);
  });
});
