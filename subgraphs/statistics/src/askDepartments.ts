import { GraphQLError } from 'graphql';
import { propagationHeaders } from '@resident-graph/service-kit';
import { decodeKeySetAnswer, KeySetWireError, type KeySetAnswer, type KeySetQuery } from '@resident-graph/subgraph-kit';
import { KEY_SET_REQUEST_HEADER, signKeySetRequest, type Caller, type KeyLike } from '@resident-graph/trust';

export interface DepartmentCallSettings {
  /** Each department's key-set route (`/statistics/key-sets` of its subgraph). */
  keySetUrls: Readonly<Record<string, string>>;
  statisticsPrivateKey: KeyLike;
  /** How long a department may take to evaluate its facts. */
  timeoutMs: number;
}

const departmentError = (code: string, department: string, message: string) =>
  new GraphQLError(`${department}: ${message}`, { extensions: { code, department } });

async function askOne(department: string, query: KeySetQuery, analyst: Caller, requestId: string, settings: DepartmentCallSettings): Promise<KeySetAnswer> {
  const url = settings.keySetUrls[department];
  if (!url) throw departmentError('DEPARTMENT_UNAVAILABLE', department, 'no key-set address is configured for it (STATISTICS_SOURCES)');
  const body = JSON.stringify(query);
  const signature = await signKeySetRequest({ caller: analyst, requestId, department }, body, settings.statisticsPrivateKey);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [KEY_SET_REQUEST_HEADER]: signature, ...propagationHeaders() },
      body,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError')
      throw departmentError('DEPARTMENT_TIMEOUT', department, `no key sets within ${settings.timeoutMs} ms`);
    throw departmentError('DEPARTMENT_UNAVAILABLE', department, 'its subgraph cannot be reached');
  }
  if (!response.ok) {
    const refusal = (await response.json().catch(() => null)) as { errors?: { message?: string; extensions?: { code?: string } }[] } | null;
    const reason = refusal?.errors?.[0];
    const code = response.status === 503 && reason?.extensions?.code?.startsWith('DEPARTMENT_') ? reason.extensions.code : 'DEPARTMENT_UNAVAILABLE';
    throw departmentError(code, department, `key sets refused (${response.status}): ${reason?.message ?? 'no reason given'}`);
  }
  try {
    return decodeKeySetAnswer(new Uint8Array(await response.arrayBuffer()));
  } catch (error) {
    if (error instanceof KeySetWireError) throw departmentError('DEPARTMENT_BAD_RESPONSE', department, error.message);
    throw departmentError('DEPARTMENT_UNAVAILABLE', department, 'its answer was cut off');
  }
}

/**
 * Asks every department its part of the question at once. One that fails fails the whole
 * answer, naming it: a count without a department's facts would be silently wrong.
 */
export async function askDepartments(
  queries: ReadonlyMap<string, KeySetQuery>,
  analyst: Caller,
  requestId: string,
  settings: DepartmentCallSettings,
): Promise<Map<string, KeySetAnswer>> {
  const departments = [...queries.keys()];
  const answers = await Promise.allSettled(departments.map((department) => askOne(department, queries.get(department)!, analyst, requestId, settings)));
  const failed = answers.flatMap((answer) => (answer.status === 'rejected' ? [answer.reason as unknown] : []));
  if (failed.length > 0) throw failed[0];
  return new Map(departments.map((department, index) => [department, (answers[index] as PromiseFulfilledResult<KeySetAnswer>).value]));
}
