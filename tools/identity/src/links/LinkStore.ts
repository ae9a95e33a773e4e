import type { Department } from '@resident-graph/schemas';
import type { LinkCandidate, LinkGrade } from '../types';

export type CandidateState = 'PENDING' | 'LINKED' | 'REJECTED';
export type LinkAction = 'AUTO_LINK' | 'CONFIRM' | 'REJECT' | 'UNDO';

/** One resident a record may belong to, and what has been decided about it. */
export interface StoredCandidate {
  department: Department;
  storedId: string;
  residentId: string;
  recordReference: string;
  nameOnRecord: string | null;
  grade: LinkGrade;
  evidence: LinkCandidate['evidence'];
  reason: string;
  state: CandidateState;
  decidedBy: string | null;
  decidedAt: Date | null;
}

/** A record the matcher could not resolve as stored, with what it found. */
export interface MatchedRecord {
  storedId: string;
  recordReference: string;
  nameOnRecord: string | null;
  candidates: readonly LinkCandidate[];
}

/** A record that names its resident in another script. */
export interface NameVariant {
  department: Department;
  storedId: string;
  residentId: string;
  recordReference: string;
  nameOnRecord: string;
  registeredName: string;
}

/** What the link table says of some residents' records in one department, each part ordered by stored ID. */
export interface ResidentLinks {
  /** The records linked to them (automatically or confirmed). */
  linked: StoredCandidate[];
  /** Candidates waiting for review that name them, records already linked left out. */
  open: StoredCandidate[];
  /** The records that name them in another script. */
  nameVariants: NameVariant[];
}

export interface LinkDecisionInput {
  department: Department;
  storedId: string;
  residentId: string;
  /** Who decides: the officer's subject, or the batch's name for automatic links. */
  decidedBy: string;
}

export interface LinkStore {
  /**
   * Keeps the candidates of these records (those already known keep their state) and links
   * each CERTAIN one whose record has no decision yet — unless an officer once undid that
   * very link. Returns how many candidates were new and how many links were made.
   */
  recordMatches(department: Department, records: readonly MatchedRecord[], decidedBy: string): Promise<{ added: number; linked: number }>;
  /** Keeps these name variants (those already known stay as they are); returns how many were new. */
  recordNameVariants(variants: readonly NameVariant[]): Promise<number>;
  /** Every stored ID of the department linked to a resident: stored ID → citizen ID. */
  linkedStoredIds(department: Department): Promise<Map<string, string>>;
  /** Every resident with a record of the department linked to them, waiting for review with them among its candidates, or naming them in another script. */
  residentsWithRecords(department: Department): Promise<string[]>;
  /**
   * Brings the planner's statistics of the link table up to date, after a batch wrote to it:
   * the embedded database has no autovacuum, and a table it never analysed it takes for empty.
   */
  analyze(): Promise<void>;
  /** What the link table says of these residents' records in one department, in one statement (every lookup asks it). */
  residentLinksOf(department: Department, residentIds: readonly string[]): Promise<ResidentLinks>;
  /** Every candidate of one record. */
  candidatesOf(department: Department, storedId: string): Promise<StoredCandidate[]>;
  confirm(input: LinkDecisionInput): Promise<StoredCandidate>;
  reject(input: LinkDecisionInput): Promise<StoredCandidate>;
  /** Takes back a link or a rejection: the candidate is pending again. */
  undo(input: LinkDecisionInput): Promise<StoredCandidate>;
  /** The decisions on one record, oldest first. */
  decisionsOf(
    department: Department,
    storedId: string,
  ): Promise<{ residentId: string; action: LinkAction; grade: LinkGrade; decidedBy: string; decidedAt: Date }[]>;
  close(): Promise<void>;
}
