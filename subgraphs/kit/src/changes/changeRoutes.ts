import type { IncomingMessage, ServerResponse } from 'node:http';
import { DepartmentError, type ChangeApplier, type ChangeOutcome } from '@resident-graph/adapter-kit';
import { CHANGE_RULES, type ReportedChange } from '@resident-graph/schemas';
import { bindRequestId, sendJson, type Logger, type Route } from '@resident-graph/service-kit';
import { CHANGE_DELIVERY_HEADER, TrustError, verifyChangeDelivery, type KeyLike, type ReplayGuard, type VerifiedChangeDelivery } from '@resident-graph/trust';
import type { AccessEntry, AuditWriter } from '../policy/useAuditTrail';
import { reportedChangeSchema } from './reportedChangeSchema';

/** Where the changes service delivers a reported change to a department, and asks it first whether the change can be. */
export const CHANGE_DELIVERIES_PATH = '/changes/deliveries';
export const CHANGE_CHECKS_PATH = '/changes/checks';
const MAX_BODY_BYTES = 64 * 1024;
const REQUEST_LIFETIME_MS = 60_000;

export interface ChangeRoutesOptions {
  /** This subgraph's department: deliveries signed for another are refused, kinds it is not listed for are the caller's mistake. */
  department: string;
  applier: ChangeApplier;
  changesPublicKey: () => Promise<KeyLike>;
  /** Each signed request (its `jti`) is taken once. */
  replayGuard: ReplayGuard;
  /** The department's audit trail: a change that cannot be recorded there is not applied. */
  audit: AuditWriter;
  logger: Logger;
}

type Reply = { status: number; body: Record<string, unknown> };
const refusal = (status: number, code: string, message: string): Reply => ({ status, body: { code, message } });

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Everyone a change is about: what the audit entry names. */
function residentsOf(change: ReportedChange): string[] {
  const ids = [change.residentId, change.spouse?.spouseId, change.birth?.motherId, change.birth?.fatherId];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))].sort();
}

/** A department system that cannot be asked: the changes service retries, so the status says which way it failed. */
function departmentFailure(error: unknown, department: string, logger: Logger): Reply {
  logger.error({ err: error }, 'change not handled by the department system');
  if (error instanceof DepartmentError) return refusal(error.code === 'DEPARTMENT_TIMEOUT' ? 504 : 503, error.code, error.message);
  return refusal(503, 'DEPARTMENT_UNAVAILABLE', `${department} could not handle the change`);
}

/**
 * The department side of the change protocol, the same for every department whose adapter
 * is a `ChangeApplier`: only a request the changes service signed for this department and
 * this exact body, once (its `jti`), with a well-formed change of a kind `CHANGE_RULES`
 * lists this department for, reaches the adapter; each is recorded in the audit trail
 * (like a record-link decision: who reported it, about whom) before the adapter is asked,
 * so nothing is applied unrecorded.
 *
 * - `POST /changes/deliveries` → `{outcome: "ACCEPTED"}` or `{outcome: "REJECTED", reason}`;
 *   the delivery id is the adapter's idempotency key.
 * - `POST /changes/checks` (only when the adapter has `checkChange`) → `{ok: true}` or `{ok: false, reason}`.
 *
 * Refusals are `{code, message}`: 400 BAD_USER_INPUT, 401 UNAUTHENTICATED, 503
 * AUDIT_UNAVAILABLE / DEPARTMENT_UNAVAILABLE, 504 DEPARTMENT_TIMEOUT (the last three retried).
 */
export function changeRoutes(options: ChangeRoutesOptions): Record<string, Route> {
  const { department, applier, logger } = options;

  const handle =
    (act: 'delivery' | 'check', run: (change: ReportedChange, delivery: VerifiedChangeDelivery) => Promise<Reply>): Route =>
    async (request: IncomingMessage, response: ServerResponse) => {
      const reply = await receive(request, act, run);
      sendJson(response, reply.status, reply.body);
    };

  async function receive(
    request: IncomingMessage,
    act: 'delivery' | 'check',
    run: (change: ReportedChange, delivery: VerifiedChangeDelivery) => Promise<Reply>,
  ): Promise<Reply> {
    if (request.method !== 'POST') return refusal(405, 'BAD_REQUEST', `a change ${act} is sent with POST`);
    const body = await readBody(request);
    if (body === null) return refusal(413, 'BAD_USER_INPUT', `a change ${act} over ${MAX_BODY_BYTES} bytes`);
    const header = request.headers[CHANGE_DELIVERY_HEADER];
    let delivery: VerifiedChangeDelivery;
    try {
      delivery = await verifyChangeDelivery(Array.isArray(header) ? header[0] : header, body, department, await options.changesPublicKey());
    } catch (error) {
      return refusal(401, 'UNAUTHENTICATED', error instanceof TrustError ? error.reason : 'change delivery refused');
    }
    if (!(await options.replayGuard.firstUse(delivery.requestTokenId, REQUEST_LIFETIME_MS)))
      return refusal(401, 'UNAUTHENTICATED', 'change delivery already used: a signed request is taken once (a retry is signed anew)');
    bindRequestId(delivery.deliveryId);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return refusal(400, 'BAD_USER_INPUT', 'the change is not JSON');
    }
    const parsed = reportedChangeSchema.safeParse(json);
    if (!parsed.success)
      return refusal(
        400,
        'BAD_USER_INPUT',
        `the change is malformed: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(change)'}: ${issue.message}`).join('; ')}`,
      );
    const change = parsed.data;
    if (!CHANGE_RULES[change.kind].some((duty) => duty.department === department))
      return refusal(400, 'BAD_USER_INPUT', `${department} does not act on ${change.kind} (CHANGE_RULES)`);
    const entry: AccessEntry = {
      requestId: delivery.deliveryId,
      operationId: delivery.reportId,
      subgraph: department,
      subject: delivery.reporter.subject,
      role: delivery.reporter.role,
      department: delivery.reporter.department,
      // A reported change corrects the department's record; the report it came from is the reference.
      purposeCode: 'DATA_CORRECTION',
      purposeReference: `change report ${delivery.reportId}`,
      residentIds: residentsOf(change),
      fields: [act === 'delivery' ? `ReportedChange.${change.kind}` : `ReportedChange.${change.kind}.check`],
      outcome: 'SERVED',
    };
    try {
      await options.audit.write(entry);
    } catch (error) {
      logger.error({ err: error, deliveryId: delivery.deliveryId }, `change ${act} not recorded in the audit trail: not handled`);
      return refusal(503, 'AUDIT_UNAVAILABLE', `the change ${act} could not be recorded in the audit trail, so it is not handled`);
    }
    try {
      return await run(change, delivery);
    } catch (error) {
      return departmentFailure(error, department, logger);
    }
  }

  const deliver = handle('delivery', async (change, delivery) => {
    const outcome: ChangeOutcome = await applier.applyChange(change, delivery.deliveryId);
    logger.info({ deliveryId: delivery.deliveryId, reportId: delivery.reportId, kind: change.kind, outcome: outcome.outcome }, 'change delivery applied');
    return { status: 200, body: outcome };
  });
  const routes: Record<string, Route> = { [CHANGE_DELIVERIES_PATH]: deliver };
  const checkChange = applier.checkChange?.bind(applier);
  if (checkChange) {
    routes[CHANGE_CHECKS_PATH] = handle('check', async (change) => {
      const reason = await checkChange(change);
      return { status: 200, body: reason === null ? { ok: true } : { ok: false, reason } };
    });
  }
  return routes;
}
