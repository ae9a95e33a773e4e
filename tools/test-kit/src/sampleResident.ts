import { citizenIdFacts, type TruthResident } from '@resident-graph/schemas';

/** The region code of the test street and of every citizen ID in it. */
export const ONE_GRID_REGION = '310115';

/**
 * A resident of the test street's one household (H1, building B1, grid G1, community C1),
 * known to public security and to no other department; gender and birth date are the
 * ID's. `fields` replaces any part.
 */
export function sampleResident(id: string, fields: Partial<TruthResident> = {}): TruthResident {
  const { birthDate, gender } = citizenIdFacts(id);
  return {
    id,
    name: `居民${id.slice(-4)}`,
    gender,
    birthDate,
    householdId: 'H1',
    gridId: 'G1',
    publicSecurity: {
      ethnicityCode: '01',
      maritalStatus: 'MARRIED',
      householdId: 'H1',
      relationToHead: 'SELF',
      registeredAddress: '上海市浦东新区',
      populationType: 'PERMANENT',
      residencePermit: null,
    },
    grid: { gridId: 'G1', communityId: 'C1', buildingId: 'B1', address: '1号楼', categories: ['PERMANENT'] },
    civilAffairs: null,
    familyPlanning: null,
    labour: null,
    imperfections: [],
    ...fields,
  };
}
