import http from 'node:http';
import https from 'node:https';

export interface HttpExchangeRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Aborts the exchange: the request is destroyed and the promise rejects with the signal's reason. */
  signal: AbortSignal;
}

/** A department system's answer, its body read whole as bytes (decoding is the caller's: each system has its charset). */
export interface HttpExchange {
  status: number;
  /** A 2xx status. */
  ok: boolean;
  /** A header's value, or null; a header sent twice reads as its values joined by ", ". */
  header(name: string): string | null;
  body: Buffer;
}

/**
 * One request to a department's system over `node:http` (`https:` URLs over `node:https`),
 * its connections kept alive by Node's default agents. Where `fetch` wraps every call in web
 * streams, a Request, a Response and their abort plumbing — a department's subgraph's
 * largest cost after the garbage collector when it was profiled (docs/performance.md) — this
 * reads the answer as plain buffers.
 */
export function exchangeHttp(url: string | URL, request: HttpExchangeRequest): Promise<HttpExchange> {
  const target = typeof url === 'string' ? new URL(url) : url;
  const transport = target.protocol === 'https:' ? https : http;
  const body = request.body === undefined ? undefined : typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body;
  return new Promise((resolve, reject) => {
    const outgoing = transport.request(
      target,
      { method: request.method, headers: { ...request.headers, ...(body && { 'content-length': String(body.byteLength) }) }, signal: request.signal },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const { headers } = response;
          const status = response.statusCode ?? 0;
          resolve({
            status,
            ok: status >= 200 && status <= 299,
            header: (name) => {
              const value = headers[name.toLowerCase()];
              return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
            },
            body: Buffer.concat(chunks),
          });
        });
      },
    );
    outgoing.on('error', (error) => reject(request.signal.aborted ? (request.signal.reason ?? error) : error));
    outgoing.end(body);
  });
}
