/** Whether the subgraph answered with the data or refused it (policy, purpose, jurisdiction). */
export type AuditOutcome = 'SERVED' | 'REFUSED';

/** What a subgraph records for one request, before its response leaves. */
export interface AuditEntry {
  requestId: string;
  /** The gateway-issued id of the client operation the request belongs to. */
  operationId?: string | null;
  /** The subgraph that served (or refused) the data. */
  subgraph: string;
  /** The caller, as the gateway-signed context names them. */
  subject: string;
  role: string;
  department?: string | null;
  /** The `X-Purpose` code; null only on a refusal for want of one. */
  purposeCode: string | null;
  /** The optional reference after the code, e.g. a case number. */
  purposeReference?: string | null;
  residentIds: readonly string[];
  /** The record's fields served, e.g. `civilAffairs.disabilityGrade`. */
  fields: readonly string[];
  outcome: AuditOutcome;
}

/** An entry as the trail holds it: numbered, stamped and chained. */
export interface AuditRecord {
  sequence: number;
  recordedAt: Date;
  requestId: string;
  operationId: string | null;
  subgraph: string;
  subject: string;
  role: string;
  department: string | null;
  purposeCode: string | null;
  purposeReference: string | null;
  residentIds: string[];
  fields: string[];
  outcome: AuditOutcome;
  previousHash: string;
  hash: string;
}

/** One page of `accessLog`, newest first, in the contract's connection shape. */
export interface AccessLogPage {
  nodes: AuditRecord[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
