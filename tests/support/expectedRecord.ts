import { ETHNICITY_NAMES, type Department, type Imperfection, type TruthResident, type TruthStreet } from '@resident-graph/schemas';

/** The population indexed the ways the expectations need it. */
export class TruthIndex {
  readonly byId: Map<string, TruthResident>;
  readonly householdMembers = new Map<string, TruthResident[]>();

  constructor(
    readonly residents: TruthResident[],
    readonly street: TruthStreet,
  ) {
    this.byId = new Map(residents.map((resident) => [resident.id, resident]));
    for (const resident of residents) {
      const household = resident.publicSecurity.householdId;
      if (household) this.householdMembers.set(household, [...(this.householdMembers.get(household) ?? []), resident]);
    }
  }

  imperfection(resident: TruthResident | undefined, department: Department, kind: Imperfection['kind']): Imperfection | undefined {
    return resident?.imperfections.find((i) => i.department === department && i.kind === kind);
  }
}

const enumName = (department: Department) => department.toUpperCase().replace('-', '_');
const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));

/** The issue kinds a department must report on the resident, from the truth's imperfections. */
function expectedIssues(resident: TruthResident, department: Department): { department: string; kind: string; storedId: string }[] {
  return toIssues(
    issueKeys(
      resident.imperfections.flatMap((imperfection) => {
        if (imperfection.department !== department) return [];
        if (imperfection.kind === 'ID_15_DIGIT') return [{ department: enumName(department), kind: 'LEGACY_15_DIGIT_ID', storedId: imperfection.storedId }];
        if (imperfection.kind === 'ID_TYPO') return [{ department: enumName(department), kind: 'INVALID_CITIZEN_ID', storedId: imperfection.storedId }];
        return [];
      }),
    ),
  );
}

const toIssues = (keys: string[]) =>
  keys.map((key) => {
    const [department, kind, storedId] = key.split('|') as [string, string, string];
    return { department, kind, storedId };
  });

/** Distinct (department, kind, storedId) of issues the graph returned, sorted. */
export function issueKeys(issues: { department: string; kind: string; storedId: string }[] | null | undefined) {
  const keys = new Set((issues ?? []).map((issue) => `${issue.department}|${issue.kind}|${issue.storedId}`));
  return [...keys].sort();
}

/**
 * What the graph must answer for a resident, derived from the truth alone. A department
 * record whose stored ID has a typo is not merged: that section reads as if the
 * department held nothing, and carries an INVALID_CITIZEN_ID issue instead.
 */
export function expectedRecord(resident: TruthResident, truth: TruthIndex) {
  const ps = resident.publicSecurity;
  const grid = truth.street.grids.find((g) => g.id === resident.grid.gridId)!;
  const community = truth.street.communities.find((c) => c.id === grid.communityId)!;
  const typo = (department: Department) => truth.imperfection(resident, department, 'ID_TYPO') !== undefined;

  const civil = typo('civil-affairs') ? null : resident.civilAffairs;
  const civilFacts =
    civil && (civil.allowanceCases.length > 0 || civil.disability || civil.elderlyAllowance || civil.veteranBenefit || civil.marriages.length > 0);
  const activeCase = (kind: string) => (civil?.allowanceCases ?? []).some((c) => c.kind === kind && c.status === 'ACTIVE');
  const family = typo('family-planning') ? null : resident.familyPlanning;
  const labour = typo('labour') ? null : resident.labour;

  return {
    id: resident.id,
    name: resident.name,
    gender: resident.gender,
    birthDate: resident.birthDate,
    ethnicity: { code: ps.ethnicityCode, name: ETHNICITY_NAMES[ps.ethnicityCode] },
    maritalStatus: ps.maritalStatus,
    populationType: ps.populationType,
    relationToHead: ps.relationToHead,
    registeredAddress: ps.registeredAddress,
    residencePermit: ps.residencePermit,
    household: ps.householdId
      ? {
          id: ps.householdId,
          registeredAddress: ps.registeredAddress,
          members: (truth.householdMembers.get(ps.householdId) ?? [])
            .map((member) => ({ relationToHead: member.publicSecurity.relationToHead, resident: { id: member.id } }))
            .sort(byKey((m) => m.resident.id)),
        }
      : null,
    grid: { id: grid.id, name: grid.name, community: { id: community.id, name: community.name } },
    address: resident.grid.address,
    categories: [...resident.grid.categories].sort(),
    civilAffairs: {
      onRecord: Boolean(civilFacts),
      receivesMinimumLivingAllowance: activeCase('MINIMUM_LIVING_ALLOWANCE'),
      extremeHardship: activeCase('EXTREME_HARDSHIP'),
      disabilityGrade: civil?.disability?.grade ?? null,
      allowanceCases: [...(civil?.allowanceCases ?? [])].sort(byKey((c) => c.caseNumber)),
      disability: civil?.disability ?? null,
      elderlyAllowance: civil?.elderlyAllowance ?? null,
      veteranBenefit: civil?.veteranBenefit ?? null,
      marriages: (civil?.marriages ?? [])
        .map((marriage) => {
          // The spouse's own civil-affairs key may be mistyped: then the registration names no valid spouse ID.
          const spouse = marriage.spouseId ? truth.byId.get(marriage.spouseId) : undefined;
          const spouseId = spouse && truth.imperfection(spouse, 'civil-affairs', 'ID_TYPO') ? null : marriage.spouseId;
          return { ...marriage, spouseId };
        })
        .sort(byKey((m) => `${m.registeredOn}${m.kind}`)),
      issues: expectedIssues(resident, 'civil-affairs'),
    },
    familyPlanning: {
      onRecord: family !== null,
      nameOnRecord: family
        ? ((truth.imperfection(resident, 'family-planning', 'NAME_VARIANT') as { storedName?: string } | undefined)?.storedName ?? resident.name)
        : null,
      childBearingAge: family?.childBearingAge ?? false,
      children: (family?.children ?? [])
        .map((child) => ({ citizenId: child.id, name: child.name, gender: child.gender, birthDate: child.birthDate }))
        .sort(byKey((c) => `${c.birthDate}${c.name}`)),
      birthRegistrations: [...(family?.birthRegistrations ?? [])].sort(byKey((r) => r.registrationNumber)),
      onlyChildCertificate: family?.onlyChildCertificate ?? null,
      rewardSupport: family?.rewardSupport ?? null,
      issues: expectedIssues(resident, 'family-planning'),
    },
    labour: {
      onRecord: labour !== null,
      socialSecurityCardNumber: labour?.socialSecurityCardNumber ?? null,
      employmentStatus: labour?.employmentStatus ?? 'UNKNOWN',
      laidOff: labour?.laidOff ?? false,
      registeredUnemployed: labour ? labour.employmentStatus === 'REGISTERED_UNEMPLOYED' || labour.unemploymentRegistration !== null : false,
      unemploymentRegistration: labour?.unemploymentRegistration ?? null,
      insurance: [...(labour?.insurance ?? [])].sort(byKey((i) => i.type)),
      skillCertificates: [...(labour?.skillCertificates ?? [])].sort(byKey((s) => `${s.issuedOn}${s.name}`)),
      issues: expectedIssues(resident, 'labour'),
    },
  };
}

type Sortable = { [key: string]: unknown };
const sortedBy = <T extends Sortable>(list: T[] | null | undefined, key: (item: T) => string) => (list ? [...list].sort(byKey(key)) : list);

/** The graph's answer in the same shape and order as `expectedRecord`. */
export function comparableRecord(answer: any) {
  const section = (value: any, lists: Record<string, (item: any) => string>) => {
    if (value === null || value === undefined) return value;
    const { dataQualityIssues, ...rest } = value;
    const sorted: Record<string, unknown> = { ...rest };
    for (const [field, key] of Object.entries(lists)) sorted[field] = sortedBy(rest[field], key);
    return dataQualityIssues === undefined ? sorted : { ...sorted, issues: toIssues(issueKeys(dataQualityIssues)) };
  };
  const { dataQualityIssues: _all, ...identity } = answer;
  return {
    ...identity,
    categories: answer.categories ? [...answer.categories].sort() : answer.categories,
    household: answer.household?.members ? { ...answer.household, members: sortedBy(answer.household.members, (m: any) => m.resident.id) } : answer.household,
    civilAffairs: section(answer.civilAffairs, { allowanceCases: (c) => c.caseNumber, marriages: (m) => `${m.registeredOn}${m.kind}` }),
    familyPlanning: section(answer.familyPlanning, { children: (c) => `${c.birthDate}${c.name}`, birthRegistrations: (r) => r.registrationNumber }),
    labour: section(answer.labour, { insurance: (i) => i.type, skillCertificates: (s) => `${s.issuedOn}${s.name}` }),
  };
}

/** The named top-level parts of a record, for comparing what one caller was shown. */
export function pick<T extends Record<string, unknown>>(record: T, keys: readonly string[]): Partial<T> {
  return Object.fromEntries(keys.map((key) => [key, record[key]])) as Partial<T>;
}

export const IDENTITY_KEYS = [
  'id',
  'name',
  'gender',
  'birthDate',
  'ethnicity',
  'maritalStatus',
  'populationType',
  'relationToHead',
  'registeredAddress',
  'residencePermit',
  'household',
  'grid',
  'address',
  'categories',
] as const;

/** A section cut down to its front-line flags (what grid workers and clerks see). */
export function flagsOf(record: ReturnType<typeof expectedRecord>) {
  const { civilAffairs: c, familyPlanning: f, labour: l } = record;
  return {
    civilAffairs: {
      onRecord: c.onRecord,
      receivesMinimumLivingAllowance: c.receivesMinimumLivingAllowance,
      extremeHardship: c.extremeHardship,
      disabilityGrade: c.disabilityGrade,
    },
    familyPlanning: { onRecord: f.onRecord, childBearingAge: f.childBearingAge },
    labour: { onRecord: l.onRecord, employmentStatus: l.employmentStatus, laidOff: l.laidOff, registeredUnemployed: l.registeredUnemployed },
  };
}
