import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { inRequestScope } from './requestScope';
import { traceRequest } from './tracing';

/** An extra route beside `/graphql` (health, control, the console …). */
export type Route = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export interface ServeGraphQLOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  port: number;
  host?: string;
  /**
   * Builds the per-request context: a new one for every request (per-request DataLoaders).
   * `body` is the request body exactly as received (what a signature over it must match).
   */
  context: (request: IncomingMessage, body: string) => Promise<TContext>;
  routes?: Record<string, Route>;
  /** Largest accepted request body (the MAX_BODY_BYTES setting where one exists). @default 1 MiB */
  maxBodyBytes?: number;
  /**
   * Most operations in one POST (a JSON array); 1 refuses every array. Apollo must be built
   * with `allowBatchedHttpRequests` when it is more. @default 1
   */
  maxBatchOperations?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export class BodyTooLargeError extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(`request body over ${limit} bytes (MAX_BODY_BYTES)`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendError(response: ServerResponse, status: number, code: string, message: string, extraHeaders: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...extraHeaders }).end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Serves an Apollo Server on Node's own HTTP server (no framework): `POST /graphql`
 * plus the given routes. Keep-alive stays on so callers can reuse connections.
 */
export async function serveGraphQL<TContext extends BaseContext>(options: ServeGraphQLOptions<TContext>): Promise<RunningServer> {
  const { apollo } = options;
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const maxBatch = options.maxBatchOperations ?? 1;
  await apollo.start();

  let closing = false;
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://server');
    try {
      const route = options.routes?.[url.pathname];
      if (route) return await route(request, response);
      if (url.pathname !== '/graphql') return sendError(response, 404, 'NOT_FOUND', `no route ${url.pathname}`);

      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const raw = request.method === 'POST' ? await readBody(request, limit) : '';
      let body: unknown = raw;
      if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendError(response, 400, 'BAD_USER_INPUT', 'request body is not valid JSON');
        }
      }
      if (Array.isArray(body) && (maxBatch === 1 || body.length > maxBatch)) {
        const limitText = maxBatch === 1 ? 'batches are not accepted' : `at most ${maxBatch} operations per request`;
        return sendError(response, 400, 'QUERY_TOO_COMPLEX', `${body.length} operations in one request: ${limitText} (MAX_BATCH_OPERATIONS)`);
      }
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
        context: () => options.context(request, raw),
      });
      for (const [key, value] of result.headers) response.setHeader(key, value);
      // Closing: this answer is the connection's last, so a kept-alive caller cannot queue another behind it.
      if (closing) response.setHeader('connection', 'close');
      response.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    } catch (error) {
      // The rest of the body is still on the wire: the connection cannot carry another request.
      if (error instanceof BodyTooLargeError) return sendError(response, 413, 'QUERY_TOO_COMPLEX', error.message, { connection: 'close' });
      if (!response.headersSent) sendError(response, 500, 'INTERNAL_SERVER_ERROR', 'internal error');
      else response.destroy();
    }
  };
  // Each request in its own scope and span: what is logged or called while serving it carries its id once the context binds it, and its trace.
  const server = createServer((request, response) =>
    inRequestScope(() =>
      traceRequest(`${request.method ?? 'GET'} ${new URL(request.url ?? '/', 'http://server').pathname}`, request.headers, async (span) => {
        await handle(request, response);
        span.setAttribute('http.response.status_code', response.statusCode);
      }),
    ),
  );
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    port,
    server,
    /** Stops accepting, lets the requests in flight finish (each answer closing its connection), then stops Apollo. */
    async close() {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await apollo.stop();
    },
  };
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}
