import { DEPARTMENTS } from '@resident-graph/registry';
import type { ExpectedAccess } from '@resident-graph/subgraph-kit/testing';
import type { Department, TruthResident } from '@resident-graph/schemas';
import type { Caller } from '@resident-graph/trust';
import {
  loadExpectedAccess,
  OFFICER,
  expectedOutcome,
  graphql,
  readStreet,
  readTruth,
  requestHeaders,
  startTestStack,
  type FieldProbe,
  type TestStack,
} from '../support';

/** Each department's access as it wrote it by hand, never the tables under test. */
let POLICIES: Record<Department, ExpectedAccess>;

const ps = (...rows: string[]) => rows.map((row) => ({ department: 'public-security' as const, row }));
const of = (department: Department, ...rows: string[]) => rows.map((row) => ({ department, row }));

/** Every part of the record, one probe each, with the table rows that govern it. */
const PROBES: FieldProbe[] = [
  { selection: 'name', rows: ps('Resident.name') },
  { selection: 'gender birthDate', rows: ps('Resident.gender', 'Resident.birthDate') },
  { selection: 'ethnicity { code name }', rows: ps('Resident.ethnicity', 'Ethnicity.code', 'Ethnicity.name') },
  {
    selection: 'maritalStatus populationType relationToHead registeredAddress',
    rows: ps('Resident.maritalStatus', 'Resident.populationType', 'Resident.relationToHead', 'Resident.registeredAddress'),
  },
  { selection: 'household { id registeredAddress }', rows: ps('Resident.household', 'Household.id', 'Household.registeredAddress') },
  // The whole list gathers each department's issues: a stored ID is masked if either table masks it.
  {
    selection: 'dataQualityIssues { kind storedId }',
    rows: [...ps('Resident.dataQualityIssues', 'DataQualityIssue.kind', 'DataQualityIssue.storedId'), ...of('civil-affairs', 'DataQualityIssue.storedId')],
  },
  { selection: 'grid { id name }', rows: of('grid', 'Resident.grid', 'Grid.id', 'Grid.name') },
  { selection: 'address categories', rows: of('grid', 'Resident.address', 'Resident.categories') },
  {
    selection: 'civilAffairs { onRecord receivesMinimumLivingAllowance extremeHardship disabilityGrade }',
    rows: of(
      'civil-affairs',
      'Resident.civilAffairs',
      'CivilAffairsSection.onRecord',
      'CivilAffairsSection.receivesMinimumLivingAllowance',
      'CivilAffairsSection.extremeHardship',
      'CivilAffairsSection.disabilityGrade',
    ),
  },
  {
    selection: 'civilAffairs { allowanceCases { caseNumber status } }',
    rows: of('civil-affairs', 'Resident.civilAffairs', 'CivilAffairsSection.allowanceCases', 'AllowanceCase.caseNumber', 'AllowanceCase.status'),
  },
  {
    selection: 'civilAffairs { marriages { spouseName spouseId } }',
    rows: of('civil-affairs', 'Resident.civilAffairs', 'CivilAffairsSection.marriages', 'MarriageRegistration.spouseName', 'MarriageRegistration.spouseId'),
  },
  {
    selection: 'civilAffairs { dataQualityIssues { kind storedId } }',
    rows: of('civil-affairs', 'Resident.civilAffairs', 'CivilAffairsSection.dataQualityIssues', 'DataQualityIssue.kind', 'DataQualityIssue.storedId'),
  },
  {
    selection: 'familyPlanning { onRecord childBearingAge }',
    rows: of('family-planning', 'Resident.familyPlanning', 'FamilyPlanningSection.onRecord', 'FamilyPlanningSection.childBearingAge'),
  },
  {
    selection: 'familyPlanning { children { citizenId name } }',
    rows: of('family-planning', 'Resident.familyPlanning', 'FamilyPlanningSection.children', 'ChildRecord.citizenId', 'ChildRecord.name'),
  },
  {
    selection: 'labour { onRecord employmentStatus laidOff registeredUnemployed }',
    rows: of(
      'labour',
      'Resident.labour',
      'LabourSection.onRecord',
      'LabourSection.employmentStatus',
      'LabourSection.laidOff',
      'LabourSection.registeredUnemployed',
    ),
  },
  {
    selection: 'labour { socialSecurityCardNumber insurance { type paidMonths } }',
    rows: of(
      'labour',
      'Resident.labour',
      'LabourSection.socialSecurityCardNumber',
      'LabourSection.insurance',
      'SocialInsurance.type',
      'SocialInsurance.paidMonths',
    ),
  },
];

const ENTRY = ps('Query.resident');
const MASKED = /^\d{6}\*+[\dX]{4}$/;

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

describe('who may see what: every role, inside and outside its jurisdiction, every part of the record', () => {
  let stack: TestStack;
  let inside: TruthResident;
  let outside: TruthResident;
  let callers: Caller[];

  beforeAll(async () => {
    stack = await startTestStack();
    POLICIES = Object.fromEntries(await Promise.all(DEPARTMENTS.map(async (entry) => [entry.id, await loadExpectedAccess(entry.subgraph)])));
    const truth = readTruth(stack.dataDir);
    const street = readStreet(stack.dataDir);
    // Inside: a resident with a 15-digit civil-affairs key (an issue whose stored ID must be masked), children and labour facts.
    inside = truth.find(
      (r) =>
        r.imperfections.some((i) => i.department === 'civil-affairs' && i.kind === 'ID_15_DIGIT') &&
        (r.familyPlanning?.children.length ?? 0) > 0 &&
        r.labour &&
        r.publicSecurity.householdId,
    )!;
    outside = truth.find((r) => r.grid.communityId !== inside.grid.communityId && r.publicSecurity.householdId)!;
    expect(street.communities.length).toBeGreaterThan(1);
    const community = inside.grid.communityId;
    callers = [
      { subject: 'w', role: 'grid-worker', department: null, grids: [inside.gridId], community: null },
      { subject: 'c', role: 'window-clerk', department: null, grids: [], community },
      OFFICER('public-security', { community }),
      OFFICER('civil-affairs', { community }),
      OFFICER('family-planning', { community }),
      OFFICER('labour', { community }),
      { subject: 'a', role: 'analyst', department: null, grids: [], community: null },
      { subject: 'u', role: 'auditor', department: null, grids: [], community: null },
    ];
  });
  afterAll(async () => {
    await stack?.stopAll();
  });

  it('answers every probe, with and without a purpose, exactly as the departments wrote their access', async () => {
    let checked = 0;
    for (const [caller, purpose] of callers.flatMap((caller) => [[caller, 'CASE_REVIEW'] as const, [caller, null] as const])) {
      const headers = await requestHeaders(stack, caller, purpose);
      for (const resident of [inside, outside]) {
        const place = { gridId: resident.grid.gridId, communityId: resident.grid.communityId };
        for (const probe of PROBES) {
          const expected = expectedOutcome(POLICIES, caller, purpose !== null, probe, place, ENTRY);
          const response = await graphql<{ resident: Record<string, unknown> | null }>(
            stack.gatewayUrl,
            `query($id: CitizenId!) { resident(id: $id) { ${probe.selection} } }`,
            { id: resident.id },
            headers,
          );
          const field = probe.selection.split(/[\s{]/)[0]!;
          const value = response.data?.resident?.[field] ?? null;
          const where = `${caller.role}${caller.department ? `/${caller.department}` : ''} ${resident === inside ? 'inside' : 'outside'} ${purpose ?? 'no purpose'} ${probe.selection}`;
          if (expected.kind === 'served') {
            expect({ where, errors: response.errors ?? [] }).toEqual({ where, errors: [] });
            expect({ where, present: field in (response.data?.resident ?? {}) }).toEqual({ where, present: true });
            const ids = stringsIn(value).filter((s) => /^\d{6}[\d*]+[\dX]{4}$/.test(s) && s.length >= 15);
            for (const id of ids) expect({ where, id, masked: MASKED.test(id) }).toEqual({ where, id, masked: expected.masked });
          } else {
            expect({ where, value }).toEqual({ where, value: null });
            expect({ where, codes: response.errors?.map((e) => e.extensions?.code) }).toEqual({ where, codes: expect.arrayContaining([expected.code]) });
          }
          checked++;
        }
      }
    }
    expect(checked).toBe(callers.length * 2 * 2 * PROBES.length);
  });
});
