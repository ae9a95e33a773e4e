import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exchangeHttp, streamHttp } from '../src/exchangeHttp';

describe('exchangeHttp', () => {
  let server: http.Server;
  let base: string;
  const received: { method?: string; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
  /** Lets `/drip` send its second part: called by the test once the first was read. */
  let releaseDrip: () => void = () => undefined;
  let endlessClosedEarly: Promise<boolean>;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ method: request.method, headers: request.headers, body: Buffer.concat(chunks) });
        if (request.url === '/slow') {
          // The client gives up first; the answer's timer goes with its connection, so nothing outlives the test.
          const late = setTimeout(() => response.end('late'), 2_000);
          response.once('close', () => clearTimeout(late));
          return;
        }
        if (request.url === '/drip') {
          response.writeHead(200, { 'content-type': 'text/plain' });
          response.write('first');
          return void new Promise<void>((resolve) => (releaseDrip = resolve)).then(() => response.end('second'));
        }
        if (request.url === '/endless') {
          const more = setInterval(() => response.write('more'), 5);
          endlessClosedEarly = once(response, 'close').then(() => {
            clearInterval(more);
            return !response.writableEnded;
          });
          return void response.writeHead(200).write('more');
        }
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

  it('streamHttp hands the body to its reader as it comes off the connection, not once it is whole', async () => {
    const parts: string[] = [];
    const answer = await streamHttp(`${base}/drip`, { method: 'GET', headers: {}, signal: new AbortController().signal }, async (head, body) => {
      for await (const chunk of body) {
        parts.push(chunk.toString());
        // The server sends the rest only once this part has been read.
        if (parts.length === 1) releaseDrip();
      }
      return head;
    });

    expect(parts).toEqual(['first', 'second']);
    expect(answer.status).toBe(200);
    expect(answer.header('content-type')).toBe('text/plain');
  });

  it('streamHttp rejects with what its reader threw and drops the connection of an answer it stopped reading', async () => {
    const formatError = new Error('not well-formed');
    const read = streamHttp(`${base}/endless`, { method: 'GET', headers: {}, signal: new AbortController().signal }, async (_, body) => {
      for await (const chunk of body) if (chunk.length > 0) throw formatError;
      return 'read to the end';
    });

    await expect(read).rejects.toBe(formatError);
    await expect(endlessClosedEarly).resolves.toBe(true);
  });
});
