import { accessLines } from '@resident-graph/test-kit';
import { familyPlanningPolicy } from '../src';
import { expectedAccess } from './fixtures/expectedAccess';

describe('the family-planning policy, against the access written by hand from the design', () => {
  it('gives every audience of every field the access written down, and has no other row', () => {
    expect(accessLines(familyPlanningPolicy.table)).toEqual(accessLines(expectedAccess.table));
  });

  it('checks jurisdiction on, and audits, the types written down', () => {
    expect(Object.keys(familyPlanningPolicy.jurisdictionOf).sort()).toEqual([...expectedAccess.jurisdictionChecked].sort());
    expect([...familyPlanningPolicy.personalTypes].sort()).toEqual([...expectedAccess.personalTypes].sort());
  });

  it('reads the jurisdiction the gateway brought into the representation (Resident)', async () => {
    const place = { gridId: 'G07', communityId: 'C02' };
    const context = {} as Parameters<(typeof familyPlanningPolicy.jurisdictionOf)[string]>[1];
    expect(await familyPlanningPolicy.jurisdictionOf.Resident!({ __typename: 'Resident', id: 'X1', jurisdiction: place }, context)).toEqual(place);
    expect(await familyPlanningPolicy.jurisdictionOf.Resident!({ __typename: 'Resident', id: 'X1' }, context)).toBeNull();
  });
});
