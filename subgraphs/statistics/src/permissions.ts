import { access, type PolicedContext, type SubgraphPolicy } from '@resident-graph/subgraph-kit';
import type { StatisticsContext } from './statistics.resolver';

const analystsOnly = access('deny', { analyst: 'allow' });
const reached = access('allow');
const fieldsOf = (...fields: string[]) => Object.fromEntries(fields.map((field) => [field, reached]));

/** Counts are for analysts; what they return holds no person, so every part of an answer is reached once the question is allowed. */
export const statisticsPolicy: SubgraphPolicy<StatisticsContext & PolicedContext> = {
  department: 'statistics',
  table: {
    Query: { statistics: analystsOnly, _service: reached },
    _Service: fieldsOf('sdl'),
    Statistics: fieldsOf('total', 'cells', 'threshold', 'perturbationBound', 'asOf', 'suppressedCells', 'unresolvedRecords'),
    StatisticsCell: fieldsOf('group', 'count', 'suppressed'),
    StatisticsGroup: fieldsOf('dimension', 'value'),
    UnresolvedRecordCount: fieldsOf('department', 'records'),
  },
  jurisdictionOf: {},
  personalTypes: [],
};
