import { decodeUtf8, DepartmentError, exchangeHttp } from '@resident-graph/adapter-kit';
import { propagationHeaders } from '@resident-graph/service-kit';
import type { z } from 'zod';
import { cardsApiErrorSchema } from './cardsApi';

export interface BureauRequest<T> {
  baseUrl: string;
  path: string;
  method: 'GET' | 'POST';
  body?: unknown;
  answer: z.ZodType<T>;
  signal: AbortSignal;
}

const badResponse = (message: string, cause?: unknown) => new DepartmentError('DEPARTMENT_BAD_RESPONSE', 'labour', message, { cause });

/**
 * One HTTP call to the bureau's API, its answer checked against the documented shape.
 * 5xx and 429 are thrown as plain errors so the policy retries them and reports the
 * bureau unavailable; a refusal (its own `{retCode, retMsg}`) or an answer in no known
 * shape is a bad response, which asking again would not change.
 */
export async function callBureau<T>(request: BureauRequest<T>): Promise<T> {
  const response = await exchangeHttp(`${request.baseUrl.replace(/\/$/, '')}${request.path}`, {
    method: request.method,
    headers: { ...(request.body === undefined ? {} : { 'content-type': 'application/json' }), ...propagationHeaders() },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: request.signal,
  });
  const decoded = decodeUtf8(response.body);
  if (response.status >= 500 || response.status === 429) throw new Error(`${request.path} answered HTTP ${response.status}`);
  // The bureau answers UTF-8; anything else would be read as replacement characters.
  if (!decoded.ok) throw badResponse(`${request.path} answered HTTP ${response.status} with a body that is not UTF-8 (after '${decoded.near}')`);
  const { text } = decoded;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw badResponse(`${request.path} answered HTTP ${response.status} with a body that is not JSON`, error);
  }
  if (!response.ok) {
    const refusal = cardsApiErrorSchema.safeParse(json);
    const reason = refusal.success ? `${refusal.data.retCode} ${refusal.data.retMsg}` : 'no reason given';
    throw badResponse(`${request.path} refused the request with HTTP ${response.status}: ${reason}`);
  }
  const answer = request.answer.safeParse(json);
  if (!answer.success) {
    const issue = answer.error.issues[0];
    throw badResponse(`${request.path} answered in an unknown shape (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'})`, answer.error);
  }
  return answer.data;
}
