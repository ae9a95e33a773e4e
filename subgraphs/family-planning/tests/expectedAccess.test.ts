import { itMatchesTheWrittenAccess, itTakesJurisdictionFromTheIndex } from '@resident-graph/subgraph-kit/testing';
import { familyPlanningPolicy } from '../src';
import { expectedAccess } from './fixtures/expectedAccess';

describe('the family-planning policy, against the access written by hand from the design', () => {
  itMatchesTheWrittenAccess(familyPlanningPolicy, expectedAccess);
  itTakesJurisdictionFromTheIndex(familyPlanningPolicy, ['Resident']);
});
