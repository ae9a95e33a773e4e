import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DepartmentId } from '@resident-graph/schemas';
import { createLogger, inRequestScope, receivedRequestId, testControlRoutes } from '@resident-graph/service-kit';

/**
 * Faults a test can switch on in a running stand-in (`PUT /__control/fault`):
 * refuse with 503, answer after a delay, or answer with a body in no valid format.
 */
export type StandInFault = { kind: 'none' } | { kind: 'unavailable' } | { kind: 'slow'; delayMs: number } | { kind: 'malformed' };

export interface StandInHandler {
  (request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<void> | void;
}

export interface StandInServerOptions {
  department: DepartmentId;
  port: number;
  host?: string;
  /** Serves the department's own protocol; `route` names the call in the call counts. */
  route: (request: IncomingMessage) => string | null;
  handle: StandInHandler;
  /** What a `malformed` fault answers with, in this system's content type. */
  malformedBody: { contentType: string; body: string };
  /** Serve `/__control/*`. @default `TEST_CONTROL_ROUTES` (service-kit `testControlRoutes`): test runs only */
  controlRoutes?: boolean;
}

export interface StandInServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

/**
 * The HTTP shell every HTTP stand-in shares: `/health` for whoever waits for it to start,
 * and, in test runs only, the calls it receives per route (`GET /__control/calls`, reset with
 * `DELETE`) and fault injection (`PUT /__control/fault`). The department's own protocol is
 * served by `handle`.
 */
export async function startStandInServer(options: StandInServerOptions): Promise<StandInServer> {
  const calls = new Map<string, number>();
  let fault: StandInFault = { kind: 'none' };
  const controlRoutes = options.controlRoutes ?? testControlRoutes(`stand-in-${options.department}`);

  const logger = createLogger(`stand-in-${options.department}`);

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    try {
      const body = await readBody(request);
      const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
      if (path === '/health') return sendJson(response, 200, { status: 'ok' });
      if (controlRoutes && path === '/__control/calls') {
        if (request.method === 'DELETE') calls.clear();
        return sendJson(response, 200, Object.fromEntries(calls));
      }
      if (controlRoutes && path === '/__control/fault' && request.method === 'PUT') {
        fault = JSON.parse(body.toString('utf8')) as StandInFault;
        return sendJson(response, 200, fault);
      }
      const route = options.route(request);
      if (route === null) return sendJson(response, 404, { error: 'NOT_FOUND' });
      calls.set(route, (calls.get(route) ?? 0) + 1);
      logger.info({ route }, 'call received');
      if (fault.kind === 'unavailable') return sendJson(response, 503, { error: 'SERVICE_UNAVAILABLE' });
      if (fault.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.kind === 'slow' ? fault.delayMs : 0));
      if (fault.kind === 'malformed') {
        response.writeHead(200, { 'content-type': options.malformedBody.contentType }).end(options.malformedBody.body);
        return;
      }
      await options.handle(request, body, response);
    } catch (error) {
      if (!response.headersSent) sendJson(response, 500, { error: 'INTERNAL', message: String(error) });
      else response.destroy();
    }
  };
  // A call made while serving a request names it (`X-Request-Id`): every line logged for the call carries that id.
  const server = createServer((request, response) => inRequestScope(() => serve(request, response), receivedRequestId(request.headers)));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
