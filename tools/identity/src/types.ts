import type { Department, Gender, LinkGrade } from '@resident-graph/schemas';

export { LINK_GRADES, type LinkGrade } from '@resident-graph/schemas';

/** A resident as the household register (public security) holds them: what a record is matched against. */
export interface RegisteredResident {
  id: string;
  name: string;
  gender: Gender;
  birthDate: string;
  householdId: string | null;
  address: string | null;
}

/** The identifying part of one department record, exactly as the department stores it. */
export interface DepartmentRecordIdentity {
  department: Department;
  /** The department's own reference for the record (case number, card number …). */
  recordReference: string;
  storedId: string;
  nameOnRecord: string | null;
  /** Facts the record states apart from its ID, when the department keeps them. */
  birthDate?: string | null;
  gender?: Gender | null;
  householdId?: string | null;
  address?: string | null;
}

/** How the stored ID leads to the candidate's ID. */
export type IdEvidence =
  { kind: 'ID_15_TO_18' } | { kind: 'ID_SUBSTITUTION'; position: number; stored: string; candidate: string } | { kind: 'ID_TRANSPOSITION'; position: number };

/** How one other fact of the record compares with the resident's. */
export type FactEvidence =
  | { kind: 'NAME'; agreement: 'EXACT' | 'SCRIPT_VARIANT' | 'SURNAME_ONLY' | 'DIFFERENT' | 'MISSING' }
  | { kind: 'BIRTH_DATE' | 'GENDER' | 'HOUSEHOLD' | 'ADDRESS'; agreement: 'AGREES' | 'DIFFERS'; source: 'RECORD' | 'STORED_ID' };

export interface LinkCandidate {
  residentId: string;
  grade: LinkGrade;
  /** Everything that produced the grade, in the order the rules read it. */
  evidence: [IdEvidence, ...FactEvidence[]];
  /** The rule that decided the grade, in words staff can check. */
  reason: string;
}

/** The outcome for one record whose stored ID does not resolve by itself. */
export interface RecordMatch {
  record: DepartmentRecordIdentity;
  /** Best first: every resident the record could belong to. */
  candidates: LinkCandidate[];
}
