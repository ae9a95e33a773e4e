import type { IncomingMessage } from 'node:http';

export interface OperationScopeOptions {
  /** How long a context outlives its first fetch. @default 10000 */
  ttlMs?: number;
  /** Contexts kept at most; the oldest goes first. @default 10000 */
  maxEntries?: number;
}

/**
 * One context — and so one set of DataLoaders — per client operation rather than per
 * HTTP request: the gateway may visit a subgraph several times for one operation (an
 * entity fetch, then a `@requires` fetch that depends on other subgraphs), and each
 * visit would otherwise ask the department again for the same residents.
 * The operation id must come from the verified gateway context, never from a bare header:
 * a context holds what one caller was allowed to see. Without an id, a fresh context.
 */
export function operationScoped<TContext>(
  createContext: (request: IncomingMessage) => Promise<TContext>,
  options: OperationScopeOptions = {},
): (operationId: string | undefined, request: IncomingMessage) => Promise<TContext> {
  const ttlMs = options.ttlMs ?? 10_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const contexts = new Map<string, Promise<TContext>>();

  return (operationId, request) => {
    if (!operationId) return createContext(request);
    const existing = contexts.get(operationId);
    if (existing) return existing;
    const created = createContext(request);
    contexts.set(operationId, created);
    created.catch(() => contexts.delete(operationId));
    setTimeout(() => contexts.delete(operationId), ttlMs).unref();
    if (contexts.size > maxEntries) contexts.delete(contexts.keys().next().value!);
    return created;
  };
}
