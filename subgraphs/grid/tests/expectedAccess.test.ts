import { itMatchesTheWrittenAccess } from '@resident-graph/subgraph-kit/testing';
import { gridPolicy } from '../src';
import type { PolicedGridContext } from '../src/GridContext';
import { expectedAccess } from './fixtures/expectedAccess';

describe('the grid policy, against the access written by hand from the design', () => {
  itMatchesTheWrittenAccess(gridPolicy, expectedAccess);

  it("finds a grid's jurisdiction in the grid itself, and a resident's in the grid database, never in the representation", async () => {
    const records: Record<string, { gridId: string; communityId: string }> = { R1: { gridId: 'G01', communityId: 'C01' } };
    const context = { residents: { load: async (id: string) => ({ record: records[id] ?? null }) } } as unknown as PolicedGridContext;
    const claimed = { gridId: 'G99', communityId: 'C99' };
    expect(await gridPolicy.jurisdictionOf.Grid!({ id: 'G07', communityId: 'C02', jurisdiction: claimed }, context, {})).toEqual({
      gridId: 'G07',
      communityId: 'C02',
    });
    expect(await gridPolicy.jurisdictionOf.Resident!({ id: 'R1', jurisdiction: claimed }, context, {})).toEqual({ gridId: 'G01', communityId: 'C01' });
    expect(await gridPolicy.jurisdictionOf.Resident!({ id: 'R2', jurisdiction: claimed }, context, {})).toBeNull();
  });
});
