import { Field, Float, ObjectType } from 'type-graphql';
import { DateScalar } from '@resident-graph/subgraph-kit';

@ObjectType({ description: '奖励扶助: reward support for parents of an only child, from 60' })
export class RewardSupport {
  @Field(() => DateScalar)
  since!: string;

  @Field(() => Float, { description: 'Yuan per year' })
  amountPerYear!: number;
}
