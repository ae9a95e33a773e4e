import type { FetcherResponse } from '@apollo/utils.fetcher';
import { SubgraphDataSource } from '../src';

const source = new SubgraphDataSource({ url: 'http://127.0.0.1:1/graphql' });
const respond = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, statusText: 'Bad Request', headers: { 'content-type': 'application/json' } }) as unknown as FetcherResponse;

describe('errorFromResponse', () => {
  it("keeps the subgraph's own code and message from a refused fetch", async () => {
    const error = await source.errorFromResponse(respond(400, { errors: [{ message: 'first must be 0…1000', extensions: { code: 'BAD_USER_INPUT' } }] }));
    expect(error.message).toBe('first must be 0…1000');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', status: 400 });
  });

  it("falls back to Apollo's status mapping when the body carries no code", async () => {
    const error = await source.errorFromResponse(respond(401, { message: 'no' }));
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    const plain = await source.errorFromResponse(respond(502, 'upstream down'));
    expect(plain.message).toBe('502: Bad Request');
  });
});
