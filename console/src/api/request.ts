import type { TypedDocumentString } from '../generated/operations';
import type { Purpose } from '../session';

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; department?: string; [key: string]: unknown };
}

export interface Answer<TResult> {
  data: TResult | null;
  errors: GraphQLError[];
}

export interface Credentials {
  token: string;
  purpose: Purpose | null;
}

/** `X-Purpose: CODE[:reference]`, the reference percent-encoded (a header carries no other text safely). */
export function purposeHeader(purpose: Purpose): string {
  return purpose.reference ? `${purpose.code}:${encodeURIComponent(purpose.reference)}` : purpose.code;
}

/** One typed operation against the gateway that served this page (`/graphql`, same origin). */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  credentials: Credentials,
  signal?: AbortSignal,
): Promise<Answer<TResult>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${credentials.token}` };
  if (credentials.purpose) headers['x-purpose'] = purposeHeader(credentials.purpose);
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: document.toString(), variables }), signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { data: null, errors: [{ message: 'network error', extensions: { code: 'NETWORK_ERROR' } }] };
  }
  let body: { data?: TResult | null; errors?: GraphQLError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    return { data: null, errors: [{ message: `HTTP ${response.status}`, extensions: { code: 'BAD_RESPONSE' } }] };
  }
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

const samePath = (a: readonly (string | number)[] | undefined, b: readonly (string | number)[]) =>
  a !== undefined && a.length === b.length && a.every((part, i) => part === b[i]);

/** The error reported at exactly this path (a refused detail, a department that did not answer). */
export function errorAt(answer: Answer<unknown> | null, path: readonly (string | number)[]): GraphQLError | undefined {
  return answer?.errors.find((error) => samePath(error.path, path));
}

/** The first error at or under this path. */
export function errorUnder(answer: Answer<unknown> | null, path: readonly (string | number)[]): GraphQLError | undefined {
  return answer?.errors.find((error) => error.path !== undefined && path.every((part, i) => error.path![i] === part));
}

export const REFUSALS = new Set(['FORBIDDEN', 'OUT_OF_JURISDICTION', 'PURPOSE_REQUIRED', 'UNAUTHENTICATED']);
