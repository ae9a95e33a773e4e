import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
// eslint-disable-next-line no-restricted-imports -- @apollo/gateway exports the request options' types but not the enum that tells them apart
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { GATEWAY_CONTEXT_HEADER, hashBody } from '@resident-graph/trust';
import { createSubgraphFetcher, SubgraphDataSource, type GatewayContext } from '../src';

interface Reply {
  status: number;
  body: string;
}

const context = { requestId: 'request-1', operationId: 'operation-1', signFor: async (body: string) => `signed-for:${hashBody(body)}` } as GatewayContext;

/** A data source for a port nothing listens on (bound once, then released). */
async function unreachableSource(name: string): Promise<SubgraphDataSource> {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  return new SubgraphDataSource({ name, url: `http://127.0.0.1:${port}/graphql`, fetcher: createSubgraphFetcher() });
}

function incoming(query: string, variables?: Record<string, unknown>): GraphQLDataSourceProcessOptions<GatewayContext> {
  return {
    kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
    request: { query, variables, operationName: 'Probe' },
    context,
    incomingRequestContext: {},
    document: undefined,
    pathInIncomingRequest: [],
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

describe('SubgraphDataSource', () => {
  let server: Server;
  let url: string;
  let reply: Reply;
  let received: { headers: IncomingMessage['headers']; body: string }[];

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  beforeEach(() => {
    received = [];
    reply = { status: 200, body: '{"data":{"ok":true}}' };
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const source = () => new SubgraphDataSource({ name: 'grid', url, fetcher: createSubgraphFetcher() });

  it('posts the operation with a context signed for exactly the body sent, and the request id; returns data, errors and extensions', async () => {
    reply.body = JSON.stringify({ data: { grid: { id: 'G001' } }, errors: [{ message: 'partial', path: ['grid', 'name'] }], extensions: { note: 'x' } });
    const response = await source().process(incoming('query Probe($id: ID!) { grid(id: $id) { id name } }', { id: 'G001' }));
    expect(response).toEqual({ data: { grid: { id: 'G001' } }, errors: [{ message: 'partial', path: ['grid', 'name'] }], extensions: { note: 'x' } });
    expect(received).toHaveLength(1);
    expect(received[0]!.headers[GATEWAY_CONTEXT_HEADER]).toBe(`signed-for:${hashBody(received[0]!.body)}`);
    expect(received[0]!.headers['x-request-id']).toBe('request-1');
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received[0]!.body)).toEqual({
      query: 'query Probe($id: ID!) { grid(id: $id) { id name } }',
      variables: { id: 'G001' },
      operationName: 'Probe',
    });
  });

  it("keeps the subgraph's own code and message from a refused fetch", async () => {
    reply = { status: 400, body: JSON.stringify({ errors: [{ message: 'first must be 0…1000', extensions: { code: 'BAD_USER_INPUT' } }] }) };
    await expect(source().process(incoming('{ grid }'))).rejects.toMatchObject({
      message: 'first must be 0…1000',
      extensions: { code: 'BAD_USER_INPUT', status: 400 },
    });
  });

  it.each([
    [401, '{"message":"no"}', 'UNAUTHENTICATED'],
    [403, 'forbidden', 'FORBIDDEN'],
    [502, 'upstream down', 'INTERNAL_SERVER_ERROR'],
  ])('maps a %i without a code of its own to %s', async (status, body, code) => {
    reply = { status, body };
    await expect(source().process(incoming('{ grid }'))).rejects.toMatchObject({ extensions: { code, status } });
  });

  it.each([
    ['not JSON', '<html>oops</html>'],
    ['a JSON array', '[1, 2]'],
    ['JSON without data or errors', '{"hello":"world"}'],
  ])('calls an answer that is %s SUBGRAPH_BAD_RESPONSE, naming the subgraph', async (_what, body) => {
    reply.body = body;
    await expect(source().process(incoming('{ grid }'))).rejects.toMatchObject({
      message: expect.stringContaining('subgraph grid'),
      extensions: { code: 'SUBGRAPH_BAD_RESPONSE' },
    });
  });

  it('calls a subgraph that cannot be reached SUBGRAPH_UNAVAILABLE, naming it', async () => {
    const unreachable = await unreachableSource('labour');
    await expect(unreachable.process(incoming('{ grid }'))).rejects.toMatchObject({
      message: expect.stringContaining('subgraph labour cannot be reached'),
      extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
    });
  });

  describe('a failed entity fetch', () => {
    const entitiesQuery =
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { labour { onRecord } status: employmentStatus } } }';
    const representations = [
      { __typename: 'Resident', id: '11010519491231002X', jurisdiction: { gridId: 'G001', communityId: 'C01' } },
      { __typename: 'Resident', id: '110105491231002', jurisdiction: null },
    ];

    it('answers every entity with the fields it asked for set to null, the error beside them', async () => {
      reply = { status: 502, body: 'upstream down' };
      const response = await source().process(incoming(entitiesQuery, { representations }));
      expect(response.data).toEqual({
        _entities: [
          { __typename: 'Resident', labour: null, status: null },
          { __typename: 'Resident', labour: null, status: null },
        ],
      });
      expect(response.errors).toEqual([expect.objectContaining({ message: '502: Bad Gateway', extensions: { code: 'INTERNAL_SERVER_ERROR', status: 502 } })]);
    });

    it('does so for a subgraph that cannot be reached, naming it', async () => {
      const unreachable = await unreachableSource('labour');
      const response = await unreachable.process(incoming(entitiesQuery, { representations }));
      expect(response.data?._entities).toHaveLength(2);
      expect(response.errors?.[0]).toMatchObject({
        message: expect.stringContaining('subgraph labour cannot be reached'),
        extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
      });
    });
  });
});
