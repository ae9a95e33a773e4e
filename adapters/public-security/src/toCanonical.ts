import { ETHNICITY_NAMES, GENDER_CODES, MARITAL_STATUS_CODES, normalizeCitizenId, relationToHeadFromCode, type RelationToHead } from '@resident-graph/schemas';
import { DepartmentError } from '@resident-graph/adapter-kit';
import type { HouseholdRecord, PublicSecurityRecord, ResidencePermit, StatisticsRow } from './PublicSecurityRecord';
import type { RawHousehold, RawPerson, RawStatisticsRow } from './wireFormat';

function badResponse(message: string): DepartmentError {
  return new DepartmentError('DEPARTMENT_BAD_RESPONSE', 'public-security', message);
}

function codeIn<T>(table: Readonly<Record<string, T>>, code: string, what: string, reference: string): T {
  if (!Object.hasOwn(table, code)) throw badResponse(`record ${reference}: unknown ${what} code "${code}"`);
  return table[code]!;
}

/** `YYYYMMDD` → `YYYY-MM-DD`, refusing dates that do not exist. */
export function toIsoDate(yyyymmdd: string, reference: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  if (match) {
    const [, year, month, day] = match.map(Number) as [number, number, number, number];
    // A day that does not exist rolls over into another month; one that exists comes back as given.
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return `${match[1]}-${match[2]}-${match[3]}`;
  }
  throw badResponse(`record ${reference}: "${yyyymmdd}" is not a date (YYYYMMDD)`);
}

function relation(code: string, reference: string): RelationToHead {
  const value = relationToHeadFromCode(code);
  if (!value) throw badResponse(`record ${reference}: unknown relation-to-head code "${code}"`);
  return value;
}

const POPULATION_TYPES = { '1': 'PERMANENT', '2': 'FLOATING' } as const;
const REGISTRATION_STATUSES = { '1': 'REGISTERED', '2': 'DECEASED', '3': 'MOVED_OUT' } as const;

/** Maps a stored person onto the canonical model; the caller has already matched its ID. */
export function toPublicSecurityRecord(raw: RawPerson, id: string): PublicSecurityRecord {
  const ref = raw.RYBH;
  const populationType = codeIn(POPULATION_TYPES, raw.RKLX, 'population type (RKLX)', ref);
  codeIn(ETHNICITY_NAMES, raw.MZ, 'ethnicity (MZ)', ref);
  const residencePermit: ResidencePermit | null = raw.JZZ
    ? { number: raw.JZZ.JZZBH, issuedOn: toIsoDate(raw.JZZ.QFRQ, ref), expiresOn: toIsoDate(raw.JZZ.YXQZ, ref) }
    : null;
  return {
    id,
    name: raw.XM,
    gender: codeIn(GENDER_CODES, raw.XB, 'sex (XB)', ref),
    birthDate: toIsoDate(raw.CSRQ, ref),
    ethnicityCode: raw.MZ,
    maritalStatus: codeIn(MARITAL_STATUS_CODES, raw.HYZK, 'marital status (HYZK)', ref),
    householdId: raw.HH === '' ? null : raw.HH,
    relationToHead: raw.YHZGX === '' ? null : relation(raw.YHZGX, ref),
    registeredAddress: raw.HJDZ,
    populationType,
    residencePermit,
    recordReference: ref,
    registrationStatus: REGISTRATION_STATUSES[raw.HKZT ?? '1'],
    deregisteredOn: raw.ZXRQ ? toIsoDate(raw.ZXRQ, ref) : null,
  };
}

/** Members are keyed by canonical ID; one whose stored ID fails validation cannot be a member of the graph. */
export function toHouseholdRecord(raw: RawHousehold): HouseholdRecord {
  return {
    id: raw.HH,
    registeredAddress: raw.HJDZ,
    members: raw.CY.flatMap((member) => {
      const id = normalizeCitizenId(member.GMSFHM);
      return id.ok ? [{ citizenId: id.id, relationToHead: relation(member.YHZGX, `household ${raw.HH}`) }] : [];
    }),
  };
}

/** Maps a statistics export row; `reference` names it in a refusal without repeating its citizen ID. */
export function toStatisticsRow(raw: RawStatisticsRow, reference: string): StatisticsRow {
  return {
    storedId: raw.GMSFHM,
    gender: codeIn(GENDER_CODES, raw.XB, 'sex (XB)', reference),
    populationType: codeIn(POPULATION_TYPES, raw.RKLX, 'population type (RKLX)', reference),
    birthDate: toIsoDate(raw.CSRQ, reference),
  };
}
