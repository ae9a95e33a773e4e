import { access, type PolicedContext, type SubgraphPolicy } from '@resident-graph/subgraph-kit';
import type { ChangesContext } from './changes.resolver';
import type { ChangeReport } from './changes.types';

// Who reports: the front line within their reach, officers of the departments that act on a
// kind (the service refuses an officer a kind CHANGE_RULES does not give their department) —
// with a stated purpose; the reach itself is checked by the service from the grid database.
const reporters = access('deny', { 'grid-worker': 'jurisdiction', 'window-clerk': 'jurisdiction', 'other-officer': 'jurisdiction' });
// Who follows a report: its reporters' audiences within their reach, and the supervisors
// (纪委监察, the auditor role) over the whole street, who watch the deadlines.
const followers = access('deny', { 'grid-worker': 'jurisdiction', 'window-clerk': 'jurisdiction', 'other-officer': 'jurisdiction', auditor: 'allow' });
const supervisors = access('deny', { auditor: 'allow' });
// The supervisors watch time limits, not people: whom a report is about stays with those who serve them.
const aboutWhom = access('deny', { 'grid-worker': 'jurisdiction', 'window-clerk': 'jurisdiction', 'other-officer': 'jurisdiction' });
const reached = access('allow');
const fieldsOf = (fieldAccess: ReturnType<typeof access>, ...fields: string[]) => Object.fromEntries(fields.map((field) => [field, fieldAccess]));

/**
 * The changes service's table. It has no officers of its own (`changes` is a street unit), so
 * every officer is `other-officer` here. A report's fields are checked against where the
 * change is (the subject's grid, or the grid moved into), as stored when it was reported.
 */
export const changesPolicy: SubgraphPolicy<ChangesContext & PolicedContext> = {
  department: 'changes',
  table: {
    Mutation: { reportChange: reporters },
    Query: { changeReport: followers, changeReports: supervisors, _service: reached },
    _Service: fieldsOf(reached, 'sdl'),
    ChangeReport: {
      ...fieldsOf(followers, 'id', 'kind', 'deliveries', 'occurredOn', 'reportedAt', 'reportedBy'),
      residentId: aboutWhom,
    },
    ChangeDelivery: fieldsOf(
      reached,
      'department',
      'state',
      'reason',
      'dueBy',
      'light',
      'action',
      'attempts',
      'deliveredAt',
      'decidedAt',
      'late',
      'heldBehind',
    ),
    ChangeReportConnection: fieldsOf(reached, 'nodes', 'totalCount', 'pageInfo'),
    ChangeReportPageInfo: fieldsOf(reached, 'hasNextPage', 'endCursor'),
  },
  jurisdictionOf: {
    ChangeReport: (parent) => (parent as unknown as ChangeReport).place,
  },
  personalTypes: ['ChangeReport'],
  residentIdOf: { ChangeReport: (parent) => parent.residentId },
};
