import type { KeyLike } from 'jose';
import { callerSchema, type Caller } from './Caller';
import { signServiceRequest, verifyServiceRequest, type ServiceRequestKind } from './serviceRequest';
import { TrustError } from './TrustError';

/** The header carrying the changes service's signed delivery of a reported change to a department. */
export const CHANGE_DELIVERY_HEADER = 'x-change-delivery';
const CHANGE_DELIVERY: ServiceRequestKind = { issuer: 'resident-graph-changes', name: 'change delivery' };

/** One delivery of one reported change to one department. */
export interface ChangeDeliveryClaims {
  /** The department it is for: a delivery signed for one department is refused by every other. */
  department: string;
  /** The delivery's id: the idempotency key the department keeps, so a retry never applies a change twice. */
  deliveryId: string;
  reportId: string;
  /** Who reported the change, as the gateway verified them, for the department's own records. */
  reporter: Caller;
}

export interface VerifiedChangeDelivery extends ChangeDeliveryClaims {
  /** Unique per signed request (JWT `jti`): a retry is a new request of the same delivery. */
  requestTokenId: string;
}

/** Signs a delivery, bound to its exact body, to one department, for 60 s. */
export async function signChangeDelivery(claims: ChangeDeliveryClaims, body: string, changesPrivateKey: KeyLike): Promise<string> {
  return signServiceRequest(
    CHANGE_DELIVERY,
    claims.department,
    { did: claims.deliveryId, rep: claims.reportId, reporter: claims.reporter },
    body,
    changesPrivateKey,
  );
}

/** A department applies a change only when the changes service signed its delivery for this department and this body. */
export async function verifyChangeDelivery(
  header: string | undefined,
  body: string,
  department: string,
  changesPublicKey: KeyLike,
): Promise<VerifiedChangeDelivery> {
  const payload = await verifyServiceRequest(CHANGE_DELIVERY, header, body, department, changesPublicKey);
  const reporter = callerSchema.safeParse(payload.reporter);
  if (!reporter.success || typeof payload.did !== 'string' || typeof payload.rep !== 'string') throw new TrustError('change delivery is malformed');
  return { department, deliveryId: payload.did, reportId: payload.rep, reporter: reporter.data, requestTokenId: payload.jti };
}
