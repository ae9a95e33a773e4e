/**
 * Reporting a change once (contract.md, "Reporting a change"): the events residents report,
 * what each names, and which departments must act on each — the one table the changes
 * service queues deliveries from, the departments check deliveries against, and the docs
 * render (docs/changes.md).
 */
import type { EmploymentStatus, Gender } from './codes';
import type { Department } from './truth';

export const CHANGE_KINDS = ['MOVE_IN', 'MOVE_OUT', 'ADDRESS_CHANGE', 'BIRTH', 'DEATH', 'MARRIAGE', 'DIVORCE', 'EMPLOYMENT_CHANGE'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const DELIVERY_STATES = ['PENDING', 'DELIVERED', 'ACCEPTED', 'REJECTED'] as const;
/** PENDING: queued or being retried; DELIVERED: the department took it and has not decided; ACCEPTED / REJECTED: its decision. */
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const DEADLINE_LIGHTS = ['GREEN', 'YELLOW', 'RED'] as const;
export type DeadlineLight = (typeof DEADLINE_LIGHTS)[number];

/** Where a resident moves to: a grid of the street and its address (MOVE_IN, ADDRESS_CHANGE). */
export interface MoveFacts {
  gridId: string;
  address: string;
}

/** A child born to residents of the street: the mother (and the father when known) are residents. */
export interface BirthFacts {
  motherId: string;
  fatherId?: string | null;
  childName: string;
  childGender: Gender;
}

/** What a change says beside its kind, resident and date; exactly the member its kind needs (`CHANGE_MEMBER`). */
export interface ChangeFacts {
  /** MOVE_IN, ADDRESS_CHANGE: where to. */
  move?: MoveFacts | null;
  /** MOVE_OUT: the address outside the street they leave for. */
  moveOut?: { toAddress: string } | null;
  birth?: BirthFacts | null;
  /** MARRIAGE, DIVORCE: the other party, a resident of the street. */
  spouse?: { spouseId: string } | null;
  employment?: { status: EmploymentStatus } | null;
}

/** One reported change as the changes service keeps it and delivers it. */
export interface ReportedChange extends ChangeFacts {
  kind: ChangeKind;
  /** Whom it is about; absent for a birth, which names the parents. */
  residentId: string | null;
  /** `YYYY-MM-DD`. */
  occurredOn: string;
}

/** The member of `ChangeFacts` each kind requires (the others must be absent); `null`: none. */
export const CHANGE_MEMBER: Readonly<Record<ChangeKind, keyof ChangeFacts | null>> = {
  MOVE_IN: 'move',
  MOVE_OUT: 'moveOut',
  ADDRESS_CHANGE: 'move',
  BIRTH: 'birth',
  DEATH: null,
  MARRIAGE: 'spouse',
  DIVORCE: 'spouse',
  EMPLOYMENT_CHANGE: 'employment',
};

/** One department's part in a kind of change: its time limit in days, which a setting may change. */
export interface ChangeDuty {
  department: Department;
  /** Working time the street gives the department to apply it, in calendar days. */
  limitDays: number;
  /** What the department does with it, in its staff's words. */
  action: string;
}

/**
 * Which departments must act on which change — like the policy tables, one place, rendered
 * into docs/changes.md. A department not listed for a kind is not told of it.
 */
export const CHANGE_RULES: Readonly<Record<ChangeKind, readonly ChangeDuty[]>> = {
  MOVE_IN: [
    { department: 'public-security', limitDays: 15, action: 'household registration moved in (户口迁入)' },
    { department: 'grid', limitDays: 3, action: 'placed in the grid and the dwelling' },
    { department: 'family-planning', limitDays: 30, action: 'floating-population family-planning record (流动人口婚育证明) checked' },
  ],
  MOVE_OUT: [
    { department: 'public-security', limitDays: 15, action: 'household registration moved out (户口迁出)' },
    { department: 'grid', limitDays: 3, action: 'removed from the grid' },
    { department: 'civil-affairs', limitDays: 30, action: 'allowances transferred or ended' },
    { department: 'family-planning', limitDays: 30, action: 'record transferred' },
  ],
  ADDRESS_CHANGE: [
    { department: 'public-security', limitDays: 15, action: 'registered address changed' },
    { department: 'grid', limitDays: 3, action: 'placed in the new grid and dwelling' },
  ],
  BIRTH: [
    { department: 'family-planning', limitDays: 30, action: 'birth registered (生育登记)' },
    { department: 'public-security', limitDays: 30, action: 'child entered in the household register (出生登记)' },
    { department: 'grid', limitDays: 3, action: 'child placed with the mother' },
  ],
  DEATH: [
    { department: 'public-security', limitDays: 30, action: 'household registration cancelled (注销户口)' },
    { department: 'civil-affairs', limitDays: 15, action: 'allowances stopped, funeral subsidy opened' },
    { department: 'labour', limitDays: 30, action: 'insurance ended' },
    { department: 'grid', limitDays: 3, action: 'removed from the grid' },
  ],
  MARRIAGE: [
    { department: 'civil-affairs', limitDays: 1, action: 'marriage registered (结婚登记)' },
    { department: 'public-security', limitDays: 30, action: 'marital status changed' },
    { department: 'family-planning', limitDays: 30, action: 'couple record opened' },
  ],
  DIVORCE: [
    { department: 'civil-affairs', limitDays: 1, action: 'divorce registered (离婚登记)' },
    { department: 'public-security', limitDays: 30, action: 'marital status changed' },
  ],
  EMPLOYMENT_CHANGE: [
    { department: 'labour', limitDays: 10, action: 'employment status changed (就业登记 / 失业登记)' },
    { department: 'civil-affairs', limitDays: 30, action: 'allowance eligibility reviewed' },
  ],
};

/** The departments a kind of change is delivered to, in the table's order. */
export const departmentsFor = (kind: ChangeKind): Department[] => CHANGE_RULES[kind].map((duty) => duty.department);
