import { Field, ObjectType } from 'type-graphql';
import { DataQualityIssue } from '@resident-graph/subgraph-kit';
import { BirthRegistration } from './birthRegistration.type';
import { ChildRecord } from './childRecord.type';
import { OnlyChildCertificate } from './onlyChildCertificate.type';
import { RewardSupport } from './rewardSupport.type';

@ObjectType({ description: 'What family planning (计生) holds on a resident' })
export class FamilyPlanningSection {
  @Field(() => Boolean, { description: 'false when the department holds nothing on the resident' })
  onRecord!: boolean;

  @Field(() => String, { nullable: true, description: 'The name as the department holds it (may be a traditional-character variant)' })
  nameOnRecord!: string | null;

  @Field(() => Boolean, { description: '育龄妇女: a woman of child-bearing age (15–49)' })
  childBearingAge!: boolean;

  @Field(() => [ChildRecord])
  children!: ChildRecord[];

  @Field(() => [BirthRegistration])
  birthRegistrations!: BirthRegistration[];

  @Field(() => OnlyChildCertificate, { nullable: true })
  onlyChildCertificate!: OnlyChildCertificate | null;

  @Field(() => RewardSupport, { nullable: true })
  rewardSupport!: RewardSupport | null;

  @Field(() => [DataQualityIssue], { description: 'Department records that could not be reconciled with the resident' })
  dataQualityIssues!: DataQualityIssue[];
}
