import { createPlacements } from '@resident-graph/subgraph-kit';
import { accessLines, fixedJurisdiction } from '@resident-graph/subgraph-kit/testing';
import { civilAffairsPolicy } from '../src';
import { expectedAccess } from './fixtures/expectedAccess';

describe('the civil-affairs policy, against the access written by hand from the design', () => {
  it('gives every audience of every field the access written down, and has no other row', () => {
    expect(accessLines(civilAffairsPolicy.table)).toEqual(accessLines(expectedAccess.table));
  });

  it('checks jurisdiction on, and audits, the types written down', () => {
    expect(Object.keys(civilAffairsPolicy.jurisdictionOf).sort()).toEqual([...expectedAccess.jurisdictionChecked].sort());
    expect([...civilAffairsPolicy.personalTypes].sort()).toEqual([...expectedAccess.personalTypes].sort());
  });

  it("asks the grid database's jurisdiction index, never the representation", async () => {
    const place = { gridId: 'G07', communityId: 'C02' };
    const claimed = { gridId: 'G99', communityId: 'C99' };
    const placements = createPlacements(fixedJurisdiction(new Map([['X1', place]])));
    const context = { placements } as unknown as Parameters<(typeof civilAffairsPolicy.jurisdictionOf)[string]>[1];
    expect(await civilAffairsPolicy.jurisdictionOf.Resident!({ __typename: 'Resident', id: 'X1', jurisdiction: claimed }, context, {})).toEqual(place);
    expect(await civilAffairsPolicy.jurisdictionOf.Resident!({ __typename: 'Resident', id: 'X2', jurisdiction: claimed }, context, {})).toBeNull();
  });
});
