import { accessLines } from '@resident-graph/subgraph-kit/testing';
import { auditPolicy } from '../src';
import { expectedAccess } from './fixtures/expectedAccess';

describe('the audit policy, against the access written by hand from the design', () => {
  it('gives every audience of every field the access written down, and has no other row', () => {
    expect(accessLines(auditPolicy.table)).toEqual(accessLines(expectedAccess.table));
  });

  it('checks jurisdiction on, and audits, the types written down', () => {
    expect(Object.keys(auditPolicy.jurisdictionOf).sort()).toEqual([...expectedAccess.jurisdictionChecked].sort());
    expect([...auditPolicy.personalTypes].sort()).toEqual([...expectedAccess.personalTypes].sort());
  });
});
