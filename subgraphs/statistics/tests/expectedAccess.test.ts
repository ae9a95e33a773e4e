import { itMatchesTheWrittenAccess } from '@resident-graph/subgraph-kit/testing';
import { statisticsPolicy } from '../src';
import { expectedAccess } from './fixtures/expectedAccess';

describe('the statistics policy, against the access written by hand from the design', () => {
  itMatchesTheWrittenAccess(statisticsPolicy, expectedAccess);
});
