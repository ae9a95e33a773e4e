import type { Gender, MaritalStatus, PopulationType, RelationToHead } from '@resident-graph/schemas';

export interface ResidencePermit {
  number: string;
  issuedOn: string;
  expiresOn: string;
}

/** One person as public security registers them, in the canonical model. */
export interface PublicSecurityRecord {
  id: string;
  name: string;
  gender: Gender;
  /** `YYYY-MM-DD`, as the system records it (not derived from the ID). */
  birthDate: string;
  /** GB 3304 code, e.g. `01`. */
  ethnicityCode: string;
  maritalStatus: MaritalStatus;
  /** 户号; `null` for the floating population. */
  householdId: string | null;
  relationToHead: RelationToHead | null;
  registeredAddress: string;
  populationType: PopulationType;
  residencePermit: ResidencePermit | null;
  /** 人员编号: the system's own key for the record. */
  recordReference: string;
  /** 户口状态: still registered, or deregistered (注销) by death or by moving out of the street. */
  registrationStatus: RegistrationStatus;
  /** 注销日期 `YYYY-MM-DD` of a deregistered record; `null` while registered. */
  deregisteredOn: string | null;
}

export type RegistrationStatus = 'REGISTERED' | 'DECEASED' | 'MOVED_OUT';

export interface HouseholdMemberRecord {
  citizenId: string;
  relationToHead: RelationToHead;
}

/** A registered household (户). Members whose stored ID fails validation are left out. */
export interface HouseholdRecord {
  id: string;
  registeredAddress: string;
  members: HouseholdMemberRecord[];
}

/** One stored person as the statistics export lists them: only what analysts' counts need. */
export interface StatisticsRow {
  /** The citizen ID as stored (15-digit, full-width …), possibly one that names no valid ID. */
  storedId: string;
  gender: Gender;
  populationType: PopulationType;
  /** `YYYY-MM-DD`. */
  birthDate: string;
}
