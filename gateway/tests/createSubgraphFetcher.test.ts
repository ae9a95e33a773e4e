import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSubgraphFetcher } from '../src/createSubgraphFetcher';

interface Received {
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('createSubgraphFetcher', () => {
  let server: Server;
  let url: string;
  let received: Received[];
  let connections: number;

  beforeEach(async () => {
    received = [];
    connections = 0;
    server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: request.method ?? '', headers: request.headers, body });
      const status = request.url === '/refuse' ? 400 : 200;
      response
        .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
        .end(JSON.stringify({ data: { echo: body } }));
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the method, headers and body, and reads status, headers and JSON back', async () => {
    const fetcher = createSubgraphFetcher();
    const body = JSON.stringify({ query: '{ résident }', variables: { id: '1' } });
    const response = await fetcher(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'r-1' }, body });

    expect(received).toEqual([
      { method: 'POST', headers: expect.objectContaining({ 'x-request-id': 'r-1', 'content-length': String(Buffer.byteLength(body)) }), body },
    ]);
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.url).toBe(url);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ data: { echo: body } });
  });

  it('reports a refusal as a response that is not ok, body intact', async () => {
    const response = await createSubgraphFetcher()(url.replace('/graphql', '/refuse'), { method: 'POST', body: '{}' });
    expect(response.ok).toBe(false);
    expect(response.status).toBe(400);
    expect(JSON.parse(await response.text())).toEqual({ data: { echo: '{}' } });
  });

  it('keeps connections alive: requests one after another share one connection', async () => {
    const fetcher = createSubgraphFetcher();
    for (let i = 0; i < 5; i++) await (await fetcher(url, { method: 'POST', body: String(i) })).text();
    expect(received.map((r) => r.body)).toEqual(['0', '1', '2', '3', '4']);
    expect(connections).toBe(1);
  });

  it('retries once on a kept-alive connection the server has closed meanwhile', async () => {
    const fetcher = createSubgraphFetcher();
    await (await fetcher(url, { method: 'POST', body: 'first' })).text();
    // The server drops the idle connection without the client noticing yet.
    server.closeAllConnections();
    const response = await fetcher(url, { method: 'POST', body: 'second' });
    expect(await response.json()).toEqual({ data: { echo: 'second' } });
  });

  it('fails with the URL and the reason when nothing listens', async () => {
    const closed = url.replace(/:\d+\//, ':1/');
    await expect(createSubgraphFetcher()(closed, { method: 'POST', body: '{}' })).rejects.toThrow(`request to ${closed} failed, reason: connect ECONNREFUSED`);
  });
});
