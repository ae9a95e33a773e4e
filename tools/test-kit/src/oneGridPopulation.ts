import { checkCharacter, type Department, type Imperfection, type Population, type TruthResident } from '@resident-graph/schemas';

/** The region code of the street and of every citizen ID in it. */
export const ONE_GRID_REGION = '310115';

/** What one department's fixture puts into the street: whose records, which residents, and what it holds on each. */
export interface OneGridDepartment {
  department: Department;
  /** Resident `index` is born in `from + index % span`. */
  birthYears: { from: number; span: number };
  /** The one resident in every eleven (`index % 11 === at`) the department holds under a mistyped ID, and how it mistypes it. */
  typo: { at: number; of(id: string): string };
  /** The department's section of resident `index`'s truth; the other sections are null. */
  sectionOf(index: number, id: string): Partial<Pick<TruthResident, 'civilAffairs' | 'familyPlanning' | 'labour'>>;
}

function validId(index: number, { from, span }: OneGridDepartment['birthYears']): string {
  const first17 = `${ONE_GRID_REGION}${from + (index % span)}0${1 + (index % 9)}1${index % 10}${String(100 + index).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/**
 * `count` residents of one household in one building of grid G1 (community C1), each
 * with what `department` holds on them; every seventh stored under its 15-digit ID, every
 * eleventh with a mistyped ID, so the subgraph's data-quality reporting is exercised too.
 */
export function oneGridPopulation(count: number, department: OneGridDepartment): Population {
  const residents = Array.from({ length: count }, (_, index): TruthResident => {
    const id = validId(index, department.birthYears);
    const imperfections: Imperfection[] = [];
    if (index % 7 === 3) imperfections.push({ department: department.department, kind: 'ID_15_DIGIT', storedId: `${id.slice(0, 6)}${id.slice(8, 17)}` });
    else if (index % 11 === department.typo.at) imperfections.push({ department: department.department, kind: 'ID_TYPO', storedId: department.typo.of(id) });
    return {
      id,
      name: `居民${index}`,
      gender: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
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
      ...department.sectionOf(index, id),
      imperfections,
    };
  });
  return {
    asOf: '2026-06-30',
    street: {
      regionCode: ONE_GRID_REGION,
      name: '测试街道',
      communities: [{ id: 'C1', name: '一居' }],
      grids: [{ id: 'G1', name: '一网格', communityId: 'C1', areaSquareMetres: 50_000 }],
      buildings: [{ id: 'B1', gridId: 'G1', name: '1号楼', compoundKind: 'PROPERTY_MANAGED' }],
      households: [{ id: 'H1', buildingId: 'B1', address: '1号楼', registered: true }],
      gridWorkers: [],
    },
    residents,
  };
}
