import type { ApolloServerPlugin } from '@apollo/server';
import type { AuditEntry } from '@resident-graph/audit';
import type { Logger } from '@resident-graph/service-kit';
import type { PolicedContext } from './applyPolicy';

/**
 * One access entry, as this subgraph writes it: the trail's entry (who, why, which
 * residents, which fields) with every part known, before the store marks it served.
 */
export type AccessEntry = Required<Omit<AuditEntry, 'outcome' | 'operationId'>> & { operationId: string };

/** Where entries go; it must reject when it cannot keep one. */
export interface AuditWriter {
  write(entry: AccessEntry): Promise<void>;
}

/**
 * Writes one audit entry per request that served personal data, before the response
 * leaves. If the entry cannot be written the data does not leave either: the answer is
 * replaced by an `AUDIT_UNAVAILABLE` error.
 */
export function useAuditTrail(subgraph: string, writer: AuditWriter, logger: Logger): ApolloServerPlugin<PolicedContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const { served, trust } = contextValue;
          if (!served || served.empty) return;
          try {
            await writer.write({
              requestId: trust.requestId,
              operationId: trust.operationId,
              subgraph,
              subject: trust.caller.subject,
              role: trust.caller.role,
              department: trust.caller.department,
              purposeCode: trust.purpose?.code ?? null,
              purposeReference: trust.purpose?.reference ?? null,
              residentIds: [...served.residentIds].sort(),
              fields: [...served.fields].sort(),
            });
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
