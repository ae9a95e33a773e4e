import { itMatchesTheWrittenAccess } from '@resident-graph/subgraph-kit/testing';
import { changesPolicy } from '../src';
import { expectedAccess } from './fixtures/expectedAccess';

describe('the changes policy, against the access written by hand from the design', () => {
  itMatchesTheWrittenAccess(changesPolicy, expectedAccess);

  it('records a report read, served or refused, against the resident it is about', () => {
    expect(changesPolicy.residentIdOf?.ChangeReport?.({ residentId: '110101199003074514' }, {})).toBe('110101199003074514');
  });
});
