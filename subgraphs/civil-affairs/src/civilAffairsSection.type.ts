import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { AllowanceStatus, DisabilityCategory } from '@resident-graph/schemas';
import type { AllowanceKind, AllowanceReviewStatus, MarriageKind } from '@resident-graph/adapter-civil-affairs';
import { CitizenIdScalar, DataQualityIssue, DateScalar } from '@resident-graph/subgraph-kit';
import { AllowanceKindEnum, AllowanceReviewStatusEnum, AllowanceStatusEnum, DisabilityCategoryEnum, MarriageKindEnum } from './enums';

@ObjectType({ description: "A review of an allowance case (动态管理复核), registered when a member's circumstances changed" })
export class AllowanceReview {
  @Field(() => Int, { description: '复核序号: numbered within the case' })
  reviewNumber!: number;

  @Field(() => String, { description: '复核原因 as the bureau records it' })
  reason!: string;

  @Field(() => DateScalar, { description: 'When the change that calls for the review occurred' })
  registeredOn!: string;

  @Field(() => AllowanceReviewStatusEnum)
  status!: AllowanceReviewStatus;

  @Field(() => CitizenIdScalar, { nullable: true, description: 'The member whose circumstances changed; null when the case holds no valid ID for them' })
  memberId!: string | null;
}

@ObjectType({ description: "A 低保 or 特困 case of the resident's household; members share its status" })
export class AllowanceCase {
  @Field(() => String)
  caseNumber!: string;

  @Field(() => AllowanceKindEnum)
  kind!: AllowanceKind;

  @Field(() => AllowanceStatusEnum)
  status!: AllowanceStatus;

  @Field(() => DateScalar)
  since!: string;

  @Field(() => Float, { description: 'Yuan per person per month' })
  amountPerMonth!: number;

  @Field(() => [AllowanceReview], { description: "The case's reviews, whichever member they were registered for, in the order registered" })
  reviews!: AllowanceReview[];
}

@ObjectType({ description: 'Disability certificate (残疾人证)' })
export class DisabilityCertificate {
  @Field(() => String)
  certificateNumber!: string;

  @Field(() => DisabilityCategoryEnum)
  category!: DisabilityCategory;

  @Field(() => Int, { description: '1 (most severe) to 4' })
  grade!: number;

  @Field(() => DateScalar)
  issuedOn!: string;
}

@ObjectType({ description: 'Elderly allowance (高龄津贴), from the age of 80' })
export class ElderlyAllowance {
  @Field(() => DateScalar)
  since!: string;

  @Field(() => Float, { description: 'Yuan per month' })
  amountPerMonth!: number;
}

@ObjectType({ description: "Veterans' preferential treatment (优抚)" })
export class VeteranBenefit {
  @Field(() => String)
  category!: string;

  @Field(() => DateScalar)
  since!: string;
}

@ObjectType({ description: 'A marriage or divorce registration (婚姻登记)' })
export class MarriageRegistration {
  @Field(() => DateScalar)
  registeredOn!: string;

  @Field(() => MarriageKindEnum)
  kind!: MarriageKind;

  @Field(() => String, { description: 'As written on the registration' })
  spouseName!: string;

  @Field(() => CitizenIdScalar, { nullable: true, description: 'null when the registration holds no valid ID for the spouse' })
  spouseId!: string | null;
}

@ObjectType({ description: "The civil affairs bureau's part of a resident's record (民政)" })
export class CivilAffairsSection {
  @Field(() => Boolean, { description: 'The bureau holds a record on the resident' })
  onRecord!: boolean;

  @Field(() => Boolean, { description: 'An ACTIVE 低保 case: front-line flag' })
  receivesMinimumLivingAllowance!: boolean;

  @Field(() => Boolean, { description: 'An ACTIVE 特困 case' })
  extremeHardship!: boolean;

  @Field(() => Int, { nullable: true, description: 'Grade of the disability certificate: front-line flag' })
  disabilityGrade!: number | null;

  @Field(() => [AllowanceCase])
  allowanceCases!: AllowanceCase[];

  @Field(() => DisabilityCertificate, { nullable: true })
  disability!: DisabilityCertificate | null;

  @Field(() => ElderlyAllowance, { nullable: true })
  elderlyAllowance!: ElderlyAllowance | null;

  @Field(() => VeteranBenefit, { nullable: true })
  veteranBenefit!: VeteranBenefit | null;

  @Field(() => [MarriageRegistration])
  marriages!: MarriageRegistration[];

  @Field(() => [DataQualityIssue])
  dataQualityIssues!: DataQualityIssue[];
}
