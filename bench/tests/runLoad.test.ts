import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runLoad, summarize } from '../src/runLoad';

/** Answers by the body's `kind`: fine, GraphQL errors, HTTP 500, or data that fails the check. */
function startServer(): Promise<{ server: Server; url: string; headers: string[] }> {
  const headers: string[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    headers.push(String(request.headers['x-caller']));
    const { kind } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { kind: string };
    if (kind === 'http') return response.writeHead(500).end('{}');
    const body = kind === 'graphql' ? { errors: [{ message: 'no' }], data: null } : { data: { ok: kind === 'fine' } };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, headers })),
  );
}

describe('runLoad', () => {
  it('cycles bodies and headers and tells each kind of failure apart', async () => {
    const { server, url, headers } = await startServer();
    try {
      let caller = 0;
      const kinds = ['fine', 'graphql', 'http', 'wrong'];
      const sample = await runLoad({
        url,
        headers: () => ({ 'content-type': 'application/json', 'x-caller': String(caller++ % 2) }),
        bodies: kinds.map((kind) => ({ query: '{ ok }', variables: {}, kind }) as never),
        check: (data) => data?.ok === true,
        connections: 1,
        durationSeconds: 10,
        maxRequests: 40,
        sampleEvery: 1,
      });
      const result = summarize([sample]);
      expect(result.requests).toBe(40);
      expect(result.errors).toEqual({ non2xx: 10, graphql: 10, wrongAnswers: 10, transport: 0, total: 30 });
      expect(result.sampledAnswers).toBe(20);
      expect(result.firstError).toMatch(/^200 \{"errors"/);
      expect(new Set(headers)).toEqual(new Set(['0', '1']));
      expect(result.latencyMs.p50).toBeGreaterThan(0);
      expect(result.latencyMs.p99).toBeGreaterThanOrEqual(result.latencyMs.p50);
    } finally {
      server.close();
    }
  });

  it('pools runs: requests and durations add up', () => {
    const run = (latenciesMs: number[], durationSeconds: number) => ({
      latenciesMs,
      durationSeconds,
      errors: { non2xx: 1, graphql: 0, wrongAnswers: 0, transport: 0, total: 1 },
      sampledAnswers: 2,
    });
    const pooled = summarize([run([1, 2, 3], 1), run([4, 5, 6, 7], 2)]);
    expect(pooled).toMatchObject({ requests: 7, durationSeconds: 3, sampledAnswers: 4, latencyMs: { p50: 4, p95: 7, p99: 7 } });
    expect(pooled.requestsPerSecond).toBeCloseTo(7 / 3);
    expect(pooled.errors.total).toBe(2);
  });
});
