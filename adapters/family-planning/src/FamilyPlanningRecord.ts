import type { TruthChild, TruthFamilyPlanning } from '@resident-graph/schemas';

/** What family planning holds on one resident, in canonical form. */
export interface FamilyPlanningRecord extends TruthFamilyPlanning {
  /** The name as the department holds it (may be a traditional-character variant). */
  nameOnRecord: string;
}

/** A child on a parent's record; `id` is `null` for a newborn not yet issued an ID. */
export type FamilyPlanningChild = TruthChild;
export type BirthRegistration = FamilyPlanningRecord['birthRegistrations'][number];
export type OnlyChildCertificate = NonNullable<FamilyPlanningRecord['onlyChildCertificate']>;
export type RewardSupport = NonNullable<FamilyPlanningRecord['rewardSupport']>;
