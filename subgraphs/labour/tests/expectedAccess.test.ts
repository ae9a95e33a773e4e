import { accessLines } from '@resident-graph/test-kit';
import { labourPolicy } from '../src';
import { expectedAccess } from './fixtures/expectedAccess';

describe('the labour policy, against the access written by hand from the design', () => {
  it('gives every audience of every field the access written down, and has no other row', () => {
    expect(accessLines(labourPolicy.table)).toEqual(accessLines(expectedAccess.table));
  });

  it('checks jurisdiction on, and audits, the types written down', () => {
    expect(Object.keys(labourPolicy.jurisdictionOf).sort()).toEqual([...expectedAccess.jurisdictionChecked].sort());
    expect([...labourPolicy.personalTypes].sort()).toEqual([...expectedAccess.personalTypes].sort());
  });

  it('reads the jurisdiction the gateway brought into the representation (Resident)', async () => {
    const place = { gridId: 'G07', communityId: 'C02' };
    const context = {} as Parameters<(typeof labourPolicy.jurisdictionOf)[string]>[1];
    expect(await labourPolicy.jurisdictionOf.Resident!({ __typename: 'Resident', id: 'X1', jurisdiction: place }, context)).toEqual(place);
    expect(await labourPolicy.jurisdictionOf.Resident!({ __typename: 'Resident', id: 'X1' }, context)).toBeNull();
  });
});
