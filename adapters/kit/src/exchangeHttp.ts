import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

export interface HttpExchangeRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Aborts the exchange: the request is destroyed and the promise rejects with the signal's reason. */
  signal: AbortSignal;
}

/** The status line and headers of a department system's answer. */
export interface HttpAnswerHead {
  status: number;
  /** A 2xx status. */
  ok: boolean;
  /** A header's value, or null; a header sent twice reads as its values joined by ", ". */
  header(name: string): string | null;
}

/** A department system's answer, its body read whole as bytes (decoding is the caller's: each system has its charset). */
export interface HttpExchange extends HttpAnswerHead {
  body: Buffer;
}

function headOf(response: IncomingMessage): HttpAnswerHead {
  const { headers } = response;
  const status = response.statusCode ?? 0;
  return {
    status,
    ok: status >= 200 && status <= 299,
    header: (name) => {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** Sends the request; `receive` reads the answer. A failure of either rejects, with the signal's reason once aborted. */
function send<T>(url: string | URL, request: HttpExchangeRequest, receive: (response: IncomingMessage) => Promise<T>): Promise<T> {
  const target = typeof url === 'string' ? new URL(url) : url;
  const transport = target.protocol === 'https:' ? https : http;
  const body = request.body === undefined ? undefined : typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body;
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => reject(request.signal.aborted ? (request.signal.reason ?? error) : error);
    const outgoing = transport.request(
      target,
      { method: request.method, headers: { ...request.headers, ...(body && { 'content-length': String(body.byteLength) }) }, signal: request.signal },
      (response) => {
        receive(response)
          .finally(() => {
            // An answer its reader stopped in the middle of (a format error) must not keep the connection.
            if (!response.complete) response.destroy();
          })
          .then(resolve, fail);
      },
    );
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}

/**
 * One request to a department's system over `node:http` (`https:` URLs over `node:https`),
 * its connections kept alive by Node's default agents. Where `fetch` wraps every call in web
 * streams, a Request, a Response and their abort plumbing — a department's subgraph's
 * largest cost after the garbage collector when it was profiled (docs/performance.md) — this
 * reads the answer as plain buffers.
 */
export function exchangeHttp(url: string | URL, request: HttpExchangeRequest): Promise<HttpExchange> {
  return send(
    url,
    request,
    (response) =>
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => resolve({ ...headOf(response), body: Buffer.concat(chunks) }));
      }),
  );
}

/**
 * One request whose answer is read as it arrives: `read` gets the status and headers, and
 * the body as the chunks come off the connection, for answers that grow with the population
 * (a list of every stored ID), which are then never held whole. What `read` returns or
 * throws is the exchange's outcome; a body it leaves unread is discarded with its connection.
 */
export function streamHttp<T>(
  url: string | URL,
  request: HttpExchangeRequest,
  read: (head: HttpAnswerHead, body: AsyncIterable<Buffer>) => Promise<T>,
): Promise<T> {
  return send(url, request, (response) => read(headOf(response), response));
}
