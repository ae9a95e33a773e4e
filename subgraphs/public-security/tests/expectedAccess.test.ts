import { createPlacements } from '@resident-graph/subgraph-kit';
import { fixedJurisdiction, itMatchesTheWrittenAccess, itTakesJurisdictionFromTheIndex } from '@resident-graph/subgraph-kit/testing';
import { publicSecurityPolicy } from '../src';
import { expectedAccess } from './fixtures/expectedAccess';

describe('the public-security policy, against the access written by hand from the design', () => {
  itMatchesTheWrittenAccess(publicSecurityPolicy, expectedAccess);
  itTakesJurisdictionFromTheIndex(publicSecurityPolicy, ['Resident', 'Household']);

  it('checks a lookup by citizen ID against where the index places that ID', async () => {
    const place = { gridId: 'G07', communityId: 'C02' };
    const context = { placements: createPlacements(fixedJurisdiction(new Map([['X1', place]]))) } as never;
    expect(await publicSecurityPolicy.jurisdictionOf.Query!({}, context, { id: 'X1' })).toEqual(place);
    expect(await publicSecurityPolicy.jurisdictionOf.Query!({}, context, { id: 'X2' })).toBeNull();
  });

  it('records a lookup by citizen ID, served or refused, against the ID looked up', () => {
    expect(publicSecurityPolicy.residentIdOf?.Query?.({}, { id: '110101199003074514' })).toBe('110101199003074514');
  });
});
