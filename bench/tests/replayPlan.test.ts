import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { QueryPlan } from '../src/queryPlan';
import type { SubgraphFetch } from '../src/recordSubgraphFetches';
import { planReplayRunner } from '../src/replayPlan';
import { summarize } from '../src/runLoad';

interface Seen {
  subgraph: string;
  operation: string;
  context: string;
}

describe('planReplayRunner', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables: { op: string } };
      seen.push({ subgraph: request.url!.slice(1), operation: body.variables.op, context: String(request.headers['x-gateway-context']) });
      response.writeHead(200, { 'content-type': 'application/json' }).end(request.url === '/failing' ? '{"errors":[{"message":"x"}]}' : '{"data":{}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  const plan: QueryPlan = {
    node: {
      kind: 'Sequence',
      nodes: [
        { kind: 'Fetch', serviceName: 'root', operation: 'q0' },
        { kind: 'Fetch', serviceName: 'second', operation: 'q1' },
      ],
    },
  };
  const operation = (op: string, second = 'second'): SubgraphFetch[] => [
    { subgraph: 'root', url: `${base}/root`, body: { query: 'q0', variables: { op } }, response: '' },
    { subgraph: 'second', url: `${base}/${second}`, body: { query: 'q1', variables: { op } }, response: '' },
  ];

  it("runs each operation's fetches in plan order, one context per operation", async () => {
    seen.length = 0;
    let context = 0;
    const runner = planReplayRunner({
      plan,
      operations: [operation('A'), operation('B')],
      headers: async () => () => ({ 'content-type': 'application/json', 'x-gateway-context': `c${context++}` }),
      connections: 1,
    });
    const load = summarize([await runner.run(5, 6, 6)]);
    expect(load.requests).toBe(6);
    expect(load.errors.total).toBe(0);
    const measured = seen;
    expect(measured.map((s) => `${s.subgraph}:${s.operation}`)).toEqual([
      'root:A',
      'second:A',
      'root:B',
      'second:B',
      'root:A',
      'second:A',
      'root:B',
      'second:B',
      'root:A',
      'second:A',
      'root:B',
      'second:B',
    ]);
    for (let i = 0; i < measured.length; i += 2) expect(measured[i]!.context).toBe(measured[i + 1]!.context);
    expect(new Set(measured.map((s) => s.context)).size).toBe(6);
  });

  it('counts an operation with a failed fetch as one error', async () => {
    const runner = planReplayRunner({
      plan,
      operations: [operation('A', 'failing')],
      headers: async () => () => ({ 'content-type': 'application/json' }),
      connections: 2,
    });
    const load = summarize([await runner.run(5, 4, 4)]);
    expect(load.errors).toMatchObject({ graphql: 4, total: 4 });
  });
});
