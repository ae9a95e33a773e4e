import type { TruthAllowanceCase, TruthCivilAffairs } from '@resident-graph/schemas';

/** What civil affairs holds on one resident, in the canonical shape of the truth model. */
export type CivilAffairsRecord = TruthCivilAffairs;
export type AllowanceCase = TruthAllowanceCase;
export type AllowanceKind = AllowanceCase['kind'];
export type DisabilityCertificate = NonNullable<CivilAffairsRecord['disability']>;
export type ElderlyAllowance = NonNullable<CivilAffairsRecord['elderlyAllowance']>;
export type VeteranBenefit = NonNullable<CivilAffairsRecord['veteranBenefit']>;
export type MarriageRegistration = CivilAffairsRecord['marriages'][number];
export type MarriageKind = MarriageRegistration['kind'];
