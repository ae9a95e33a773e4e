import type { TruthAllowanceCase, TruthCivilAffairs } from '@resident-graph/schemas';

/** 复核状态 (jzfc.fczt): 待复核 pending, 已复核 reviewed. */
export type AllowanceReviewStatus = 'PENDING' | 'REVIEWED';

/** A review of a case registered because a member's circumstances changed (动态管理复核). */
export interface AllowanceReview {
  /** 复核序号 within the case. */
  reviewNumber: number;
  reason: string;
  /** When the change occurred. */
  registeredOn: string;
  status: AllowanceReviewStatus;
  /** The member whose circumstances changed; `null` where their stored ID is not a valid one. */
  memberId: string | null;
}

/**
 * A case as the bureau holds it: the truth's facts and the reviews registered since, which
 * belong to the case, whoever of its members they were registered for.
 */
export type AllowanceCase = TruthAllowanceCase & { reviews: AllowanceReview[] };

/** What civil affairs holds on one resident, in the canonical shape of the truth model. */
export type CivilAffairsRecord = Omit<TruthCivilAffairs, 'allowanceCases'> & { allowanceCases: AllowanceCase[] };
export type AllowanceKind = AllowanceCase['kind'];
export type DisabilityCertificate = NonNullable<CivilAffairsRecord['disability']>;
export type ElderlyAllowance = NonNullable<CivilAffairsRecord['elderlyAllowance']>;
export type VeteranBenefit = NonNullable<CivilAffairsRecord['veteranBenefit']>;
export type MarriageRegistration = CivilAffairsRecord['marriages'][number];
export type MarriageKind = MarriageRegistration['kind'];
