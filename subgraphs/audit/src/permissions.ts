import { access, type PolicedContext, type SubgraphPolicy } from '@resident-graph/subgraph-kit';
import type { AuditContext } from './accessLog.resolver';

const auditorsOnly = access('deny', { auditor: 'allow' });
const reached = access('allow');

/** The access log is for supervision (纪委监察) alone; it holds no resident record. */
export const auditPolicy: SubgraphPolicy<AuditContext & PolicedContext> = {
  department: 'audit',
  table: {
    Query: { accessLog: auditorsOnly, accessLogVerification: auditorsOnly, _service: reached },
    _Service: { sdl: reached },
    AccessLogConnection: { nodes: reached, pageInfo: reached },
    AccessLogPageInfo: { hasNextPage: reached, endCursor: reached },
    AccessLogEntry: Object.fromEntries(
      [
        'sequence',
        'recordedAt',
        'subject',
        'role',
        'department',
        'purposeCode',
        'purposeReference',
        'subgraph',
        'fields',
        'residentIds',
        'outcome',
        'requestId',
      ].map((field) => [field, reached]),
    ),
    AuditChainVerification: Object.fromEntries(
      ['intact', 'checked', 'headSequence', 'firstBreakSequence', 'firstBreakKind', 'checkpoints', 'newestCheckpointAt', 'verifiedAt', 'summary'].map(
        (field) => [field, reached],
      ),
    ),
  },
  jurisdictionOf: {},
  personalTypes: [],
};
