import { itMatchesTheWrittenAccess, itTakesJurisdictionFromTheIndex } from '@resident-graph/subgraph-kit/testing';
import { labourPolicy } from '../src';
import { expectedAccess } from './fixtures/expectedAccess';

describe('the labour policy, against the access written by hand from the design', () => {
  itMatchesTheWrittenAccess(labourPolicy, expectedAccess);
  itTakesJurisdictionFromTheIndex(labourPolicy, ['Resident']);
});
