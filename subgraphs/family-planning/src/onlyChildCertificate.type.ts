import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '@resident-graph/subgraph-kit';

@ObjectType({ description: '独生子女证: the only-child certificate, held by the parents' })
export class OnlyChildCertificate {
  @Field(() => String)
  certificateNumber!: string;

  @Field(() => DateScalar)
  issuedOn!: string;
}
