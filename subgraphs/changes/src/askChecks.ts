import { GraphQLError } from 'graphql';
import { callDepartment, CHANGE_CHECK_PATH, textOf, type DepartmentCallSettings, type SignedCall } from './departmentCalls';
import { badInput } from './validateChange';

const unavailable = (department: string, code: 'DEPARTMENT_UNAVAILABLE' | 'DEPARTMENT_TIMEOUT', message: string) =>
  new GraphQLError(`${department}: ${message}; the change was not reported`, { extensions: { code, department } });

/** One department's check: `null` when it has nothing against the change (or does no checks), else why it cannot be. */
async function checkOne(call: SignedCall, settings: DepartmentCallSettings): Promise<string | null> {
  const result = await callDepartment(CHANGE_CHECK_PATH, call, settings);
  if (result.kind === 'unconfigured') throw unavailable(call.department, 'DEPARTMENT_UNAVAILABLE', 'no address is configured for it (CHANGES_DEPARTMENT_URLS)');
  if (result.kind === 'unreachable') throw unavailable(call.department, result.timedOut ? 'DEPARTMENT_TIMEOUT' : 'DEPARTMENT_UNAVAILABLE', result.message);
  const { status, body } = result;
  // A department without the route does no checks of its own: its rules apply on delivery.
  if (status === 404) return null;
  if (status === 200 && body?.ok === true) return null;
  if (status === 200 && body?.ok === false) return `${call.department}: ${textOf(body, 'reason') ?? 'no reason given'}`;
  if (status === 400 && body?.code === 'BAD_USER_INPUT') return `${call.department}: ${textOf(body, 'message') ?? 'no reason given'}`;
  throw unavailable(call.department, 'DEPARTMENT_UNAVAILABLE', `its check answered ${status}`);
}

/**
 * Asks every department that must act on the change whether its records allow it, at once,
 * before anything is queued. A department's objection is the caller's input error
 * (BAD_USER_INPUT with its reason); one that cannot be asked refuses the report, naming it,
 * since queuing a change no one could check would defer the error to the department's desk.
 */
export async function askChecks(calls: readonly SignedCall[], settings: DepartmentCallSettings): Promise<void> {
  const answers = await Promise.allSettled(calls.map((call) => checkOne(call, settings)));
  const failed = answers.find((answer): answer is PromiseRejectedResult => answer.status === 'rejected');
  if (failed) throw failed.reason;
  const objections = answers.flatMap((answer) => (answer.status === 'fulfilled' && answer.value !== null ? [answer.value] : []));
  if (objections.length > 0) throw badInput(objections.join('; '));
}
