import { itMatchesTheWrittenAccess, itTakesJurisdictionFromTheIndex } from '@resident-graph/subgraph-kit/testing';
import { civilAffairsPolicy } from '../src';
import { expectedAccess } from './fixtures/expectedAccess';

describe('the civil-affairs policy, against the access written by hand from the design', () => {
  itMatchesTheWrittenAccess(civilAffairsPolicy, expectedAccess);
  itTakesJurisdictionFromTheIndex(civilAffairsPolicy, ['Resident']);
});
