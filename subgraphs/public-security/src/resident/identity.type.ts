import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '@resident-graph/subgraph-kit';

@ObjectType({ description: 'Ethnic group (民族, GB 3304)' })
export class Ethnicity {
  @Field(() => String, { description: 'GB 3304 code, e.g. 01' })
  code!: string;

  @Field(() => String, { description: 'Name as staff see it, e.g. 汉族' })
  name!: string;
}

@ObjectType({ description: 'Residence permit (居住证) of a floating resident' })
export class ResidencePermit {
  @Field(() => String)
  number!: string;

  @Field(() => DateScalar)
  issuedOn!: string;

  @Field(() => DateScalar)
  expiresOn!: string;
}
