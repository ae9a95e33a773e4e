import type { IncomingMessage, ServerResponse } from 'node:http';
import { DepartmentError } from '@resident-graph/adapter-kit';
import { FACT_OWNERS, type FactName } from '@resident-graph/schemas';
import { bindRequestId, sendJson, type Logger } from '@resident-graph/service-kit';
import { KEY_SET_REQUEST_HEADER, TrustError, verifyKeySetRequest, type KeyLike, type ReplayGuard } from '@resident-graph/trust';
import { encodeKeySetAnswer } from './keySetWire';
import { keySetQuerySchema, type StatisticsSource } from './keySets';

/** The path the statistics service asks each department's subgraph for key sets on. */
export const KEY_SET_PATH = '/statistics/key-sets';
const MAX_QUERY_BYTES = 64 * 1024;
const REQUEST_LIFETIME_MS = 60_000;

export interface KeySetRouteOptions {
  department: string;
  source: StatisticsSource;
  statisticsPublicKey: () => Promise<KeyLike>;
  replayGuard: ReplayGuard;
  logger: Logger;
}

const fail = (response: ServerResponse, status: number, code: string, message: string) =>
  sendJson(response, status, { errors: [{ message, extensions: { code } }] });

async function readQuery(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_QUERY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `POST /statistics/key-sets`: the department's facts as pseudonymous key sets, only to a
 * request the statistics service signed for this department and this body, once. Names
 * and citizen IDs never leave; a department system that fails answers 503 naming it.
 */
export function keySetRoute(options: KeySetRouteOptions) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'POST') return fail(response, 405, 'BAD_REQUEST', 'key sets are asked for with POST');
    const body = await readQuery(request);
    if (body === null) return fail(response, 413, 'QUERY_TOO_COMPLEX', `key-set query over ${MAX_QUERY_BYTES} bytes`);
    const header = request.headers[KEY_SET_REQUEST_HEADER];
    let verified;
    try {
      verified = await verifyKeySetRequest(Array.isArray(header) ? header[0] : header, body, options.department, await options.statisticsPublicKey());
    } catch (error) {
      return fail(response, 401, 'UNAUTHENTICATED', error instanceof TrustError ? error.reason : 'statistics request refused');
    }
    if (!(await options.replayGuard.firstUse(verified.requestTokenId, REQUEST_LIFETIME_MS)))
      return fail(response, 401, 'UNAUTHENTICATED', 'statistics request already used: a signed request is taken once');
    bindRequestId(verified.requestId);
    let parsed;
    try {
      parsed = keySetQuerySchema.safeParse(JSON.parse(body));
    } catch {
      return fail(response, 400, 'BAD_USER_INPUT', 'key-set query is not JSON');
    }
    if (!parsed.success)
      return fail(
        response,
        400,
        'BAD_USER_INPUT',
        `key-set query refused: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      );
    // A fact another department owns is the caller's mistake, not this department failing.
    const foreign = parsed.data.facts.flatMap((fact) =>
      (Object.keys(fact) as FactName[]).filter((name) => fact[name] != null && FACT_OWNERS[name] !== options.department),
    );
    if (foreign.length > 0) return fail(response, 400, 'BAD_USER_INPUT', `${options.department} does not hold the facts ${[...new Set(foreign)].join(', ')}`);
    try {
      const answer = encodeKeySetAnswer(await options.source.keySets(parsed.data, verified.caller));
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': answer.length }).end(answer);
    } catch (error) {
      options.logger.error({ err: error }, 'key sets not computed');
      if (error instanceof DepartmentError) return fail(response, 503, error.code, error.message);
      fail(response, 503, 'DEPARTMENT_UNAVAILABLE', `${options.department} could not compute its key sets`);
    }
  };
}
