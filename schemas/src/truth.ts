/**
 * The canonical population as the generator decides it: one `TruthResident` per line of
 * `truth.jsonl`. Every stand-in's data is derived from it, each in its own format and
 * with its own imperfections (listed in `imperfections`), and end-to-end tests compare
 * what the graph returns against it. Dates are `YYYY-MM-DD`; codes are canonical enums.
 */
import type { DisabilityCategory, EmploymentStatus, Gender, MaritalStatus, RelationToHead, SocialInsuranceType } from './codes';

export type Department = 'public-security' | 'civil-affairs' | 'family-planning' | 'labour' | 'grid';
export const DEPARTMENTS: readonly Department[] = ['public-security', 'civil-affairs', 'family-planning', 'labour', 'grid'];

export type PopulationType = 'PERMANENT' | 'FLOATING';
export type ResidentCategory =
  'PERMANENT' | 'FLOATING' | 'FAMILY_PLANNING_CLIENT' | 'LAID_OFF' | 'MINIMUM_LIVING_ALLOWANCE' | 'DISABLED' | 'ELDERLY' | 'CHILD_UNDER_3';

export interface TruthResidencePermit {
  number: string;
  issuedOn: string;
  expiresOn: string;
}

export interface TruthPublicSecurity {
  ethnicityCode: string;
  maritalStatus: MaritalStatus;
  /** Household number (户号) where registered in this district; `null` for the floating population. */
  householdId: string | null;
  relationToHead: RelationToHead | null;
  /** 户籍地: for the floating population, a place outside the district. */
  registeredAddress: string;
  populationType: PopulationType;
  residencePermit: TruthResidencePermit | null;
}

export type AllowanceStatus = 'ACTIVE' | 'SUSPENDED' | 'TERMINATED';
export interface TruthAllowanceCase {
  caseNumber: string;
  kind: 'MINIMUM_LIVING_ALLOWANCE' | 'EXTREME_HARDSHIP';
  status: AllowanceStatus;
  since: string;
  amountPerMonth: number;
}
export interface TruthCivilAffairs {
  /** 低保 / 特困 cases of the resident's household; members share the status. */
  allowanceCases: TruthAllowanceCase[];
  disability: { certificateNumber: string; category: DisabilityCategory; grade: 1 | 2 | 3 | 4; issuedOn: string } | null;
  elderlyAllowance: { since: string; amountPerMonth: number } | null;
  veteranBenefit: { category: string; since: string } | null;
  marriages: { registeredOn: string; kind: 'MARRIAGE' | 'DIVORCE'; spouseName: string; spouseId: string | null }[];
}

export interface TruthChild {
  /** `null` for a newborn known to family planning before public security issues an ID. */
  id: string | null;
  name: string;
  gender: Gender;
  birthDate: string;
}
export interface TruthFamilyPlanning {
  childBearingAge: boolean;
  children: TruthChild[];
  birthRegistrations: { registrationNumber: string; registeredOn: string; childOrder: number }[];
  onlyChildCertificate: { certificateNumber: string; issuedOn: string } | null;
  rewardSupport: { since: string; amountPerYear: number } | null;
}

export interface TruthLabour {
  socialSecurityCardNumber: string;
  employmentStatus: EmploymentStatus;
  laidOff: boolean;
  unemploymentRegistration: { registeredOn: string; certificateNumber: string } | null;
  insurance: { type: SocialInsuranceType; paidMonths: number; active: boolean }[];
  skillCertificates: { name: string; level: string; issuedOn: string }[];
}

export interface TruthGrid {
  gridId: string;
  communityId: string;
  buildingId: string;
  /** Where the resident actually lives (may differ from the registered address). */
  address: string;
  categories: ResidentCategory[];
}

/** How a department's own record departs from the truth. */
export type Imperfection =
  | { department: Department; kind: 'ID_15_DIGIT'; storedId: string }
  | { department: Department; kind: 'ID_TYPO'; storedId: string }
  | { department: Department; kind: 'ID_FORMATTING'; storedId: string }
  | { department: Department; kind: 'NAME_VARIANT'; storedName: string };

export interface TruthResident {
  id: string;
  name: string;
  gender: Gender;
  birthDate: string;
  /** The dwelling (grid household) where the resident actually lives. */
  householdId: string;
  gridId: string;
  publicSecurity: TruthPublicSecurity;
  grid: TruthGrid;
  /** `null` where the department holds nothing on the resident. */
  civilAffairs: TruthCivilAffairs | null;
  familyPlanning: TruthFamilyPlanning | null;
  labour: TruthLabour | null;
  imperfections: Imperfection[];
}

/** The generated population: the street and everyone in it. */
export interface Population {
  /** The day the data describes; ages and statuses are as of this date. */
  asOf: string;
  street: TruthStreet;
  residents: TruthResident[];
}

/** The street itself, written beside the residents (`street.json`). */
export interface TruthStreet {
  regionCode: string;
  name: string;
  communities: { id: string; name: string }[];
  grids: { id: string; name: string; communityId: string; areaSquareMetres: number }[];
  buildings: { id: string; gridId: string; name: string; compoundKind: 'SELF_MANAGED' | 'PROPERTY_MANAGED' | 'EMPLOYER' | 'COURTYARD' }[];
  /** Dwellings; a registered household keeps its public-security household number as id. */
  households: { id: string; buildingId: string; address: string; registered: boolean }[];
  gridWorkers: { id: string; name: string; gridIds: string[] }[];
}
