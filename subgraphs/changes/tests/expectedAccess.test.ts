import { itMatchesTheWrittenAccess } from '@resident-graph/subgraph-kit/testing';
import { changesPolicy } from '../src';
import { expectedAccess } from './fixtures/expectedAccess';

describe('the changes policy, against the access written by hand from the design', () => {
  itMatchesTheWrittenAccess(changesPolicy, expectedAccess);
});
