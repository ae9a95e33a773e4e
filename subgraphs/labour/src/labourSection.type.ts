import { Field, Int, ObjectType } from 'type-graphql';
import type { EmploymentStatus, SocialInsuranceType } from '@resident-graph/schemas';
import { DataQualityIssue, DateScalar } from '@resident-graph/subgraph-kit';
import { EmploymentStatusEnum, SocialInsuranceTypeEnum } from './enums';

@ObjectType({ description: 'Registration as unemployed (登记失业)' })
export class UnemploymentRegistration {
  @Field(() => DateScalar)
  registeredOn!: string;

  @Field(() => String, { description: 'Number of the unemployment registration certificate (失业登记证)' })
  certificateNumber!: string;
}

@ObjectType({ description: 'One of the five social insurances and what has been paid into it' })
export class SocialInsurance {
  @Field(() => SocialInsuranceTypeEnum)
  type!: SocialInsuranceType;

  @Field(() => Int)
  paidMonths!: number;

  @Field(() => Boolean, { description: 'Contributions are being paid (not suspended)' })
  active!: boolean;
}

@ObjectType({ description: 'A vocational skill certificate (职业资格证书)' })
export class SkillCertificate {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  level!: string;

  @Field(() => DateScalar)
  issuedOn!: string;
}

@ObjectType({ description: "The labour and social security bureau's part of a resident's record (劳动保障)" })
export class LabourSection {
  @Field(() => Boolean, { description: 'The bureau holds a record on the resident' })
  onRecord!: boolean;

  @Field(() => String, { nullable: true, description: 'Social security card number (社保卡号)' })
  socialSecurityCardNumber!: string | null;

  @Field(() => EmploymentStatusEnum)
  employmentStatus!: EmploymentStatus;

  @Field(() => Boolean, { description: 'Laid-off worker (下岗职工): front-line flag' })
  laidOff!: boolean;

  @Field(() => Boolean, { description: 'Registered unemployed (登记失业): front-line flag' })
  registeredUnemployed!: boolean;

  @Field(() => UnemploymentRegistration, { nullable: true })
  unemploymentRegistration!: UnemploymentRegistration | null;

  @Field(() => [SocialInsurance])
  insurance!: SocialInsurance[];

  @Field(() => [SkillCertificate])
  skillCertificates!: SkillCertificate[];

  @Field(() => [DataQualityIssue])
  dataQualityIssues!: DataQualityIssue[];
}
