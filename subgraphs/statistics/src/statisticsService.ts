import { GraphQLError } from 'graphql';
import { todayInShanghai } from '@resident-graph/schemas';
import type { Logger } from '@resident-graph/service-kit';
import type { AccessEntry, AuditWriter, TrustedContext } from '@resident-graph/subgraph-kit';
import { answerStatistics, type StatisticsSettings } from './answerStatistics';
import type { Statistics, StatisticsInput } from './statistics.types';

/** Today in the street's time zone: an analyst in Shanghai at 07:00 asks about their today, not UTC's yesterday. */

/**
 * Every question is audited, answered or not: who asked, the input exactly as given, and
 * how many cells were withheld (or why it was refused). An answer whose entry cannot be
 * written is not given (AUDIT_UNAVAILABLE).
 */
export function createStatisticsService(settings: StatisticsSettings, audit: AuditWriter, logger: Logger, today: () => string = () => todayInShanghai()) {
  const entryOf = (trust: TrustedContext['trust'], outcome: AccessEntry['outcome'], input: StatisticsInput, result: string): AccessEntry => ({
    requestId: trust.requestId,
    operationId: trust.operationId,
    subgraph: 'statistics',
    subject: trust.caller.subject,
    role: trust.caller.role,
    department: trust.caller.department,
    purposeCode: trust.purpose?.code ?? null,
    purposeReference: trust.purpose?.reference ?? null,
    residentIds: [],
    fields: ['Query.statistics', `input ${JSON.stringify(input)}`, result],
    outcome,
  });
  return {
    async answer(input: StatisticsInput, trust: TrustedContext['trust']): Promise<Statistics> {
      let statistics: Statistics;
      try {
        statistics = await answerStatistics(input, trust.caller, trust.requestId, today(), settings);
      } catch (error) {
        const code = error instanceof GraphQLError ? String(error.extensions.code) : 'INTERNAL_SERVER_ERROR';
        await audit.write(entryOf(trust, 'REFUSED', input, `refused ${code}`)).catch((auditError: unknown) => {
          logger.error({ err: auditError }, 'refused statistics request not audited');
        });
        throw error;
      }
      try {
        await audit.write(entryOf(trust, 'SERVED', input, `suppressedCells ${statistics.suppressedCells}`));
      } catch (error) {
        logger.error({ err: error }, 'statistics audit entry not written: answer withheld');
        throw new GraphQLError('the request could not be recorded in the audit trail, so the answer is withheld', {
          extensions: { code: 'AUDIT_UNAVAILABLE' },
        });
      }
      return statistics;
    },
  };
}
