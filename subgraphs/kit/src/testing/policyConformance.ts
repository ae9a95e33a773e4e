import { createPlacements } from '../policy/placements';
import type { SubgraphPolicy } from '../policy/Policy';
import { accessLines, type ExpectedAccess } from './expectedAccess';
import { fixedJurisdiction } from './populationJurisdiction';

/**
 * The checks every subgraph's policy passes against the access written by hand for it
 * (`tests/fixtures/expectedAccess.ts`): the same rows, the same access for every audience,
 * the same types checked for jurisdiction and audited. Call inside a `describe`.
 */
export function itMatchesTheWrittenAccess(policy: SubgraphPolicy<never>, expected: ExpectedAccess): void {
  it('gives every audience of every field the access written down, and has no other row', () => {
    expect(accessLines(policy.table)).toEqual(accessLines(expected.table));
  });

  it("counts the written department's officers as its own", () => {
    expect(policy.department).toBe(expected.department);
  });

  it('checks jurisdiction on, and audits, the types written down', () => {
    expect(Object.keys(policy.jurisdictionOf).sort()).toEqual([...expected.jurisdictionChecked].sort());
    expect([...policy.personalTypes].sort()).toEqual([...expected.personalTypes].sort());
  });
}

/**
 * Checks that each entity type's jurisdiction comes from the grid database's index by the
 * entity's key, and that whatever jurisdiction a representation claims is ignored.
 */
export function itTakesJurisdictionFromTheIndex(policy: SubgraphPolicy<never>, types: readonly ('Resident' | 'Household')[]): void {
  it.each(types)("asks the grid database's jurisdiction index for a %s, never the representation", async (type) => {
    const place = { gridId: 'G07', communityId: 'C02' };
    const claimed = { gridId: 'G99', communityId: 'C99' };
    const placed = new Map([['K1', place]]);
    const context = { placements: createPlacements(fixedJurisdiction(placed, placed)) } as never;
    const jurisdictionOf = policy.jurisdictionOf[type]!;
    expect(await jurisdictionOf({ __typename: type, id: 'K1', jurisdiction: claimed }, context, {})).toEqual(place);
    expect(await jurisdictionOf({ __typename: type, id: 'K2', jurisdiction: claimed }, context, {})).toBeNull();
  });
}
