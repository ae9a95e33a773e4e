import type { ApolloServerPlugin } from '@apollo/server';
import type { AuditEntry, AuditOutcome } from '@resident-graph/audit/append';
import type { Logger } from '@resident-graph/service-kit';
import type { PolicedContext } from './applyPolicy';
import type { AccessSet } from './ServedRecord';

/**
 * One access entry, as this subgraph writes it: the trail's entry (who, why, which
 * residents, which fields, served or refused) with every part known.
 */
export type AccessEntry = Required<Omit<AuditEntry, 'operationId'>> & { operationId: string };

/** Where entries go; it must reject when it cannot keep one. */
export interface AuditWriter {
  write(entry: AccessEntry): Promise<void>;
}

/**
 * Writes the audit entries of a request that read personal data, before the response
 * leaves: one `SERVED` entry for what was served and one `REFUSED` entry for what the
 * policy refused (each only if there is any). If an entry cannot be written the data does
 * not leave either: the answer is replaced by an `AUDIT_UNAVAILABLE` error.
 */
export function useAuditTrail(subgraph: string, writer: AuditWriter, logger: Logger): ApolloServerPlugin<PolicedContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const { served, trust } = contextValue;
          if (!served || served.empty) return;
          const entryOf = (outcome: AuditOutcome, access: AccessSet): AccessEntry => ({
            requestId: trust.requestId,
            operationId: trust.operationId,
            subgraph,
            subject: trust.caller.subject,
            role: trust.caller.role,
            department: trust.caller.department,
            purposeCode: trust.purpose?.code ?? null,
            purposeReference: trust.purpose?.reference ?? null,
            residentIds: [...access.residentIds].sort(),
            fields: [...access.fields].sort(),
            outcome,
          });
          const entries = [
            ...(served.served.empty ? [] : [entryOf('SERVED', served.served)]),
            ...(served.refused.empty ? [] : [entryOf('REFUSED', served.refused)]),
          ];
          try {
            for (const entry of entries) await writer.write(entry);
          } catch (error) {
            logger.error({ err: error, requestId: trust.requestId }, 'audit entry not written: personal data withheld');
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                { message: 'the access could not be recorded in the audit trail, so the data is withheld', extensions: { code: 'AUDIT_UNAVAILABLE' } },
              ];
            }
          }
        },
      };
    },
  };
}
