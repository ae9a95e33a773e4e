import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkReadiness } from '../src/checkSubgraphs';

/** A stand-in subgraph whose `/health/ready` answers the given status and body. */
async function subgraph(status: number, body: unknown): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    if (request.url !== '/health/ready') return void response.writeHead(404).end();
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
});

async function urls(entries: [string, number, unknown][]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const [name, status, body] of entries) {
    const started = await subgraph(status, body);
    servers.push(started.server);
    map.set(name, started.url);
  }
  return map;
}

const closed = (department: string) => ({ status: 'ready', departments: [{ department, breaker: 'closed' }] });

it('all ready: 200, nothing degraded', async () => {
  const result = await checkReadiness(
    await urls([
      ['labour', 200, closed('labour')],
      ['audit', 200, { status: 'ready', departments: [] }],
    ]),
  );
  expect(result.httpStatus).toBe(200);
  expect(result.body.status).toBe('ready');
  expect(result.body.degraded).toEqual([]);
});

it('a department whose breaker is open: still 200 (the rest answers), named as degraded', async () => {
  const result = await checkReadiness(
    await urls([
      ['labour', 503, { status: 'degraded', departments: [{ department: 'labour', breaker: 'open' }] }],
      ['civil-affairs', 200, { status: 'ready', departments: [{ department: 'civil-affairs', breaker: 'half-open' }] }],
    ]),
  );
  expect(result).toEqual({
    httpStatus: 200,
    body: {
      status: 'degraded',
      degraded: ['labour'],
      subgraphs: [
        { name: 'labour', reachable: true, ready: false, departments: [{ department: 'labour', breaker: 'open' }] },
        { name: 'civil-affairs', reachable: true, ready: true, departments: [{ department: 'civil-affairs', breaker: 'half-open' }] },
      ],
    },
  });
});

it('a subgraph that cannot be reached: 503 unavailable', async () => {
  const reachable = await urls([['grid', 200, closed('grid')]]);
  const result = await checkReadiness(new Map([...reachable, ['labour', 'http://127.0.0.1:1/graphql']]), 500);
  expect(result.httpStatus).toBe(503);
  expect(result.body.status).toBe('unavailable');
  expect(result.body.subgraphs.find((entry) => entry.name === 'labour')).toEqual({ name: 'labour', reachable: false, ready: false, departments: [] });
});
