import { toFifteenDigitId, type Department, type Imperfection, type Population, type TruthResident } from '@resident-graph/schemas';
import { citizenId } from './citizenId';
import { ONE_GRID_REGION, sampleResident } from './sampleResident';

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
  return citizenId(`${from + (index % span)}0${1 + (index % 9)}1${index % 10}`, 100 + index);
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
    if (index % 7 === 3) imperfections.push({ department: department.department, kind: 'ID_15_DIGIT', storedId: toFifteenDigitId(id)! });
    else if (index % 11 === department.typo.at) imperfections.push({ department: department.department, kind: 'ID_TYPO', storedId: department.typo.of(id) });
    return sampleResident(id, { name: `居民${index}`, ...department.sectionOf(index, id), imperfections });
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
