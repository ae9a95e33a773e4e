import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DepartmentId } from '@resident-graph/schemas';
import { createLogger, inRequestScope, receivedRequestId, testControlRoutes } from '@resident-graph/service-kit';

/**
 * Faults a test can switch on in a running stand-in (`PUT /__control/fault`): refuse with
 * 503, answer after a delay, answer with a body in no valid format, answer the real answer
 * in an encoding other than the one it is labelled with (`wrong-encoding`), or the real
 * answer with a coded value replaced by one its code table does not have (`unknown-codes`).
 */
export type StandInFault =
  | { kind: 'none' }
  | { kind: 'unavailable' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'malformed' }
  | { kind: 'wrong-encoding' }
  | { kind: 'unknown-codes' };

/** The faults that spoil the real answer rather than replace it. */
export type SpoiledAnswerFault = Extract<StandInFault['kind'], 'wrong-encoding' | 'unknown-codes'>;

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
  /**
   * How this system's real answer (the body bytes of a 200, headers and label untouched) is
   * spoiled for `wrong-encoding` (re-encoded in a charset other than the one it declares) and
   * `unknown-codes` (a coded value replaced by one not in its code table). A stand-in that
   * declares none refuses those faults (400) rather than answer as if nothing were wrong.
   */
  spoiledAnswer?: Record<SpoiledAnswerFault, (body: Buffer) => Buffer>;
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

interface CapturedAnswer {
  status: number;
  headers: Record<string, string | number | readonly string[]>;
  body: Buffer;
}

/**
 * Runs `handle` with `response` writing into memory: what it would have sent (status,
 * `writeHead` headers, body) comes back instead, and `response` is as it was, unsent.
 */
async function captureAnswer(response: ServerResponse, handle: () => Promise<void> | void): Promise<CapturedAnswer> {
  const { writeHead, write, end } = response;
  const chunks: Buffer[] = [];
  let headers: CapturedAnswer['headers'] = {};
  const collect = (chunk: unknown) => {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const ended = new Promise<void>((resolve) => {
    response.writeHead = ((status: number, ...rest: unknown[]) => {
      response.statusCode = status;
      const given = rest.find((arg) => typeof arg === 'object' && arg !== null && !Array.isArray(arg));
      if (given) headers = { ...headers, ...(given as CapturedAnswer['headers']) };
      return response;
    }) as typeof response.writeHead;
    response.write = ((chunk: unknown) => (collect(chunk), true)) as typeof response.write;
    response.end = ((chunk?: unknown) => {
      if (typeof chunk !== 'function') collect(chunk);
      resolve();
      return response;
    }) as typeof response.end;
  });
  try {
    await handle();
    await ended;
  } finally {
    Object.assign(response, { writeHead, write, end });
  }
  const { 'content-length': _length, ...rest } = headers;
  return { status: response.statusCode, headers: rest, body: Buffer.concat(chunks) };
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
        const asked = JSON.parse(body.toString('utf8')) as StandInFault;
        if ((asked.kind === 'wrong-encoding' || asked.kind === 'unknown-codes') && !options.spoiledAnswer) {
          return sendJson(response, 400, { error: 'UNSUPPORTED_FAULT', message: `stand-in-${options.department} cannot answer with ${asked.kind}` });
        }
        fault = asked;
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
      if (fault.kind === 'wrong-encoding' || fault.kind === 'unknown-codes') {
        const spoil = options.spoiledAnswer![fault.kind];
        const answer = await captureAnswer(response, () => options.handle(request, body, response));
        const sent = answer.status === 200 ? spoil(answer.body) : answer.body;
        response.removeHeader('content-length');
        response.writeHead(answer.status, { ...answer.headers, 'content-length': sent.length }).end(sent);
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
