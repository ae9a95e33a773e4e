import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exchangeHttp } from '../src/exchangeHttp';

describe('exchangeHttp', () => {
  let server: http.Server;
  let base: string;
  const received: { method?: string; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ method: request.method, headers: request.headers, body: Buffer.concat(chunks) });
        if (request.url === '/slow') return void setTimeout(() => response.end('late'), 2_000);
        response.writeHead(request.url === '/refused' ? 429 : 200, [
          ['content-type', 'text/xml; charset=GBK'],
          ['x-twice', 'a'],
          ['x-twice', 'b'],
        ]);
        // Bytes that are not UTF-8 must come back as they were sent.
        response.end(Buffer.from([0xc0, 0xee, 0x3c, 0x2f, 0x3e]));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sends the method, headers and body as given and reads the answer as bytes, with its status and headers', async () => {
    const body = Buffer.from('<李/>', 'utf8');
    const answer = await exchangeHttp(`${base}/soap`, { method: 'POST', headers: { soapaction: '"Q"' }, body, signal: new AbortController().signal });

    expect(received.at(-1)).toMatchObject({ method: 'POST', headers: { soapaction: '"Q"', 'content-length': String(body.byteLength) } });
    expect(received.at(-1)!.body.equals(body)).toBe(true);
    expect(answer.status).toBe(200);
    expect(answer.body.equals(Buffer.from([0xc0, 0xee, 0x3c, 0x2f, 0x3e]))).toBe(true);
    expect(answer.header('Content-Type')).toBe('text/xml; charset=GBK');
    expect(answer.header('x-twice')).toBe('a, b');
    expect(answer.header('retry-after')).toBeNull();
  });

  it('gives a refusal its status rather than throwing', async () => {
    await expect(exchangeHttp(`${base}/refused`, { method: 'GET', headers: {}, signal: new AbortController().signal })).resolves.toMatchObject({ status: 429 });
  });

  it("rejects with the signal's reason when aborted mid-answer, and with the connection's error when nothing listens", async () => {
    const controller = new AbortController();
    const exchange = exchangeHttp(`${base}/slow`, { method: 'GET', headers: {}, signal: controller.signal });
    const reason = new Error('time limit');
    setTimeout(() => controller.abort(reason), 50);
    await expect(exchange).rejects.toBe(reason);

    const closed = http.createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    await expect(exchangeHttp(`http://127.0.0.1:${port}/`, { method: 'GET', headers: {}, signal: new AbortController().signal })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});
