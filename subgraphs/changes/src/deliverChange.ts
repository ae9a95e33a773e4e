import type { Logger } from '@resident-graph/service-kit';
import type { ChangeStore, DeliveryOutcome, Enqueue } from './changeStore';
import { isDecided } from './deadlines';
import { callDepartment, CHANGE_DELIVERY_PATH, textOf, type CallResult, type DepartmentCallSettings } from './departmentCalls';

/** What a department's answer to a delivery decides, or why it must be sent again. */
export function outcomeOf(result: CallResult): DeliveryOutcome | { retry: string } {
  if (result.kind === 'unconfigured') return { retry: 'no address is configured for the department (CHANGES_DEPARTMENT_URLS)' };
  if (result.kind === 'unreachable') return { retry: result.message };
  const { status, body } = result;
  if (status === 200 && body?.outcome === 'ACCEPTED') return { state: 'ACCEPTED' };
  if (status === 200 && body?.outcome === 'REJECTED') return { state: 'REJECTED', reason: textOf(body, 'reason') ?? 'no reason given' };
  // The department's own rules refused the change as input: a decision, not a failure, so not retried.
  if (status === 400 && body?.code === 'BAD_USER_INPUT') return { state: 'REJECTED', reason: textOf(body, 'message') ?? 'no reason given' };
  return { retry: `answered ${status}${textOf(body, 'message') ? `: ${textOf(body, 'message')}` : ''}` };
}

/** A send that did not reach a decision: thrown to the queue, which retries it with back-off. */
export class DeliveryNotDecidedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryNotDecidedError';
  }
}

/**
 * The queue's worker for one delivery: sends the change to its department, signed with the
 * delivery id as idempotency key (the same on every retry), and records the decision, with
 * it queuing (`enqueue`) the later deliveries that waited for it. A delivery already decided
 * is not sent again (a job retried after its answer was recorded).
 */
export function createDeliverer(store: ChangeStore, enqueue: Enqueue, settings: DepartmentCallSettings, logger: Logger, now: () => Date = () => new Date()) {
  return async (deliveryId: string): Promise<void> => {
    const found = await store.delivery(deliveryId);
    if (!found) {
      logger.error({ deliveryId }, 'a queued delivery has no row: nothing to send');
      return;
    }
    const { report, delivery } = found;
    if (isDecided(delivery.state)) return;
    await store.recordAttempt(deliveryId);
    const result = await callDepartment(
      CHANGE_DELIVERY_PATH,
      { department: delivery.department, deliveryId, reportId: report.id, reporter: report.reporter, change: report.change },
      settings,
    );
    const outcome = outcomeOf(result);
    if ('retry' in outcome) {
      await store.recordFailure(deliveryId, outcome.retry);
      logger.warn({ deliveryId, department: delivery.department, reason: outcome.retry }, 'change delivery not decided: retried later');
      throw new DeliveryNotDecidedError(`${delivery.department}: ${outcome.retry}`);
    }
    await store.recordOutcome(delivery, outcome, now(), enqueue);
    logger.info({ deliveryId, reportId: report.id, department: delivery.department, state: outcome.state }, 'change delivered');
  };
}
