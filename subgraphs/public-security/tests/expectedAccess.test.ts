import { accessLines } from '@resident-graph/test-kit';
import { publicSecurityPolicy } from '../src';
import { expectedAccess } from './fixtures/expectedAccess';

describe('the public-security policy, against the access written by hand from the design', () => {
  it('gives every audience of every field the access written down, and has no other row', () => {
    expect(accessLines(publicSecurityPolicy.table)).toEqual(accessLines(expectedAccess.table));
  });

  it('checks jurisdiction on, and audits, the types written down', () => {
    expect(Object.keys(publicSecurityPolicy.jurisdictionOf).sort()).toEqual([...expectedAccess.jurisdictionChecked].sort());
    expect([...publicSecurityPolicy.personalTypes].sort()).toEqual([...expectedAccess.personalTypes].sort());
  });

  it('reads the jurisdiction the gateway brought into the representation (Resident, Household)', async () => {
    const place = { gridId: 'G07', communityId: 'C02' };
    const context = {} as Parameters<(typeof publicSecurityPolicy.jurisdictionOf)[string]>[1];
    expect(await publicSecurityPolicy.jurisdictionOf.Resident!({ __typename: 'Resident', id: 'X1', jurisdiction: place }, context)).toEqual(place);
    expect(await publicSecurityPolicy.jurisdictionOf.Resident!({ __typename: 'Resident', id: 'X1' }, context)).toBeNull();
    expect(await publicSecurityPolicy.jurisdictionOf.Household!({ __typename: 'Household', id: 'X1', jurisdiction: place }, context)).toEqual(place);
    expect(await publicSecurityPolicy.jurisdictionOf.Household!({ __typename: 'Household', id: 'X1' }, context)).toBeNull();
  });
});
