import { AsyncLocalStorage } from 'node:async_hooks';
import { injectTraceContext, tagSpanWithRequestId } from './tracing';

/** The header a request id travels in, between every two processes of the system. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** A request id as it may travel and be logged: a UUID or a caller's trace id, nothing that could forge a log line. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

interface RequestScope {
  requestId: string | null;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `work` as the serving of one request. Every log line (`createLogger`) and every
 * outgoing call (`propagationHeaders`) made inside it, however deep and however late, carries
 * the request id once it is known: given here, or bound later with `bindRequestId`.
 */
export function inRequestScope<T>(work: () => T, requestId: string | null = null): T {
  return scopes.run({ requestId }, work);
}

/**
 * Names the request being served, from the moment its id is known (the gateway makes it;
 * a subgraph takes it from the gateway's signed context once that verifies). Outside a
 * request scope it does nothing.
 */
export function bindRequestId(requestId: string): void {
  const scope = scopes.getStore();
  if (scope) scope.requestId = requestId;
  tagSpanWithRequestId(requestId);
}

/** The id of the request being served here, or null outside one. */
export function currentRequestId(): string | null {
  return scopes.getStore()?.requestId ?? null;
}

/**
 * The headers every outgoing call carries: `X-Request-Id` while serving a request, and the
 * trace context (`traceparent`) when tracing is on.
 */
export function propagationHeaders(): Record<string, string> {
  const requestId = currentRequestId();
  return injectTraceContext(requestId === null ? {} : { [REQUEST_ID_HEADER]: requestId });
}

/** A received `X-Request-Id` header's value when it is one, else null (absent, repeated or malformed). */
export function receivedRequestId(headers: Record<string, string | string[] | undefined>): string | null {
  const value = headers[REQUEST_ID_HEADER];
  return typeof value === 'string' && REQUEST_ID_PATTERN.test(value) ? value : null;
}
