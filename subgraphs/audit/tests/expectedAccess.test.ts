import { itMatchesTheWrittenAccess } from '@resident-graph/subgraph-kit/testing';
import { auditPolicy } from '../src';
import { expectedAccess } from './fixtures/expectedAccess';

describe('the audit policy, against the access written by hand from the design', () => {
  itMatchesTheWrittenAccess(auditPolicy, expectedAccess);
});
