import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Caller } from '@resident-graph/trust';
import { graphql, readTruth, requestHeaders, startTestStack, type TestStack } from '../support';

/** One span as OTLP/JSON carries it, with the name of the service that sent it. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
}
interface OtlpExport {
  resourceSpans: {
    resource: { attributes: { key: string; value: OtlpValue }[] };
    scopeSpans: { spans: (Omit<ReceivedSpan, 'service' | 'attributes'> & { attributes?: { key: string; value: OtlpValue }[] })[] }[];
  }[];
}

const SERVER = 2;
const CLIENT = 3;
const valueOf = (value: OtlpValue) => value.stringValue ?? value.intValue;

/** A local OTLP/HTTP receiver: what a collector would be, on loopback, keeping what it gets. */
function startReceiver(): Promise<{ server: Server; url: string; spans: ReceivedSpan[] }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.url === '/v1/traces' && (request.headers['content-type'] ?? '').includes('application/json')) {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
      for (const { resource, scopeSpans } of body.resourceSpans) {
        const service = String(valueOf(resource.attributes.find((attribute) => attribute.key === 'service.name')!.value));
        for (const { spans: received } of scopeSpans) {
          for (const span of received) {
            spans.push({ ...span, service, attributes: Object.fromEntries((span.attributes ?? []).map(({ key, value }) => [key, valueOf(value)])) });
          }
        }
      }
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans })),
  );
}

describe('traces across processes', () => {
  let stack: TestStack;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    stack = await startTestStack({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100' });
  });
  afterAll(async () => {
    await stack?.stopAll();
    await new Promise((resolve) => receiver?.server.close(resolve));
  });

  it('one request: the gateway, the subgraph and its department call share one trace, each span under its caller', async () => {
    const resident = readTruth(stack.dataDir).find((candidate) => candidate.familyPlanning !== null)!;
    const worker: Caller = { subject: 'grid-worker-trace', role: 'grid-worker', department: null, grids: [resident.gridId], community: null };
    const read = await graphql(
      stack.gatewayUrl,
      'query($id: CitizenId!) { resident(id: $id) { name familyPlanning { onRecord } } }',
      { id: resident.id },
      await requestHeaders(stack, worker, 'HOME_VISIT'),
    );
    expect(read.errors).toBeUndefined();

    const served = (service: string) => receiver.spans.find((span) => span.service === service && span.kind === SERVER && span.name === 'POST /graphql');
    // Each process exports its spans on its own schedule: wait for all three the plan visits.
    for (let waited = 0; !served('gateway') || !served('subgraph-family-planning') || !served('subgraph-public-security'); waited += 100) {
      if (waited > 15_000) throw new Error(`spans never arrived: ${JSON.stringify(receiver.spans.map((span) => [span.service, span.name]))}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const request = served('gateway')!;
    const requestId = request.attributes['resident_graph.request_id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const trace = receiver.spans.filter((span) => span.traceId === request.traceId);

    const fetch = trace.find((span) => span.service === 'gateway' && span.kind === CLIENT && span.name === 'subgraph family-planning')!;
    expect(fetch).toBeDefined();
    const answered = trace.find((span) => span.service === 'subgraph-family-planning' && span.kind === SERVER)!;
    expect(answered).toMatchObject({ parentSpanId: fetch.spanId, attributes: expect.objectContaining({ 'resident_graph.request_id': requestId }) });
    const asked = trace.find((span) => span.service === 'subgraph-family-planning' && span.name === 'department family-planning')!;
    expect(asked).toMatchObject({ kind: CLIENT, attributes: expect.objectContaining({ 'resident_graph.department': 'family-planning' }) });
    // Every span of the trace hangs from the gateway's request span; the query's plan visits these two subgraphs (jurisdiction is read from the grid database, not its subgraph).
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const rootOf = (span: ReceivedSpan): ReceivedSpan => (span.parentSpanId && byId.has(span.parentSpanId) ? rootOf(byId.get(span.parentSpanId)!) : span);
    expect(rootOf(asked)).toBe(request);
    expect(new Set(trace.map((span) => span.service))).toEqual(new Set(['gateway', 'subgraph-family-planning', 'subgraph-public-security']));
  });
});
