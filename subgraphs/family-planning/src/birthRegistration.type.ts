import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@resident-graph/subgraph-kit';

@ObjectType({ description: '生育登记: a birth registered with family planning' })
export class BirthRegistration {
  @Field(() => String)
  registrationNumber!: string;

  @Field(() => DateScalar)
  registeredOn!: string;

  @Field(() => Int, { description: "The child's order among the parents' children" })
  childOrder!: number;
}
