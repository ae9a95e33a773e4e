import { propagationHeaders } from '@resident-graph/service-kit';
import type { ReportedChange } from '@resident-graph/schemas';
import { CHANGE_DELIVERY_HEADER, signChangeDelivery, type Caller, type KeyLike } from '@resident-graph/trust';

/** Beside each department's subgraph (its `/graphql` URL): where it checks a change, and where it applies one. */
export const CHANGE_CHECK_PATH = '/changes/checks';
export const CHANGE_DELIVERY_PATH = '/changes/deliveries';

export interface DepartmentCallSettings {
  /** Each department's subgraph (`/graphql`), by department id: the change routes are beside it. */
  departmentUrls: Readonly<Record<string, string>>;
  changesPrivateKey: KeyLike;
  /** How long a department may take to answer one check or delivery. */
  timeoutMs: number;
}

/** One signed call: the delivery's ids, the reporter and the change, the body exactly as signed. */
export interface SignedCall {
  department: string;
  deliveryId: string;
  reportId: string;
  reporter: Caller;
  change: ReportedChange;
}

/** What a department's change route answered; `unreachable` when no answer came at all. */
export type CallResult =
  | { kind: 'answered'; status: number; body: Record<string, unknown> | null }
  | { kind: 'unreachable'; timedOut: boolean; message: string }
  | { kind: 'unconfigured' };

/** POSTs a change to one of a department's change routes, signed for that department and this exact body. */
export async function callDepartment(route: string, call: SignedCall, settings: DepartmentCallSettings): Promise<CallResult> {
  const base = settings.departmentUrls[call.department];
  if (!base) return { kind: 'unconfigured' };
  const body = JSON.stringify(call.change);
  const signature = await signChangeDelivery(
    { department: call.department, deliveryId: call.deliveryId, reportId: call.reportId, reporter: call.reporter },
    body,
    settings.changesPrivateKey,
  );
  let response: Response;
  try {
    response = await fetch(new URL(route, base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CHANGE_DELIVERY_HEADER]: signature, ...propagationHeaders() },
      body,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { kind: 'unreachable', timedOut, message: timedOut ? `no answer within ${settings.timeoutMs} ms` : 'its subgraph cannot be reached' };
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { kind: 'answered', status: response.status, body: parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null };
}

/** A text member of an answer's body, when it is one. */
export const textOf = (body: Record<string, unknown> | null, key: string): string | null => (typeof body?.[key] === 'string' ? (body[key] as string) : null);
