import { Directive, Field, ObjectType } from 'type-graphql';
import { CitizenIdScalar } from '@resident-graph/subgraph-kit';

/** The resident as the grid knows it: by key; where they live is resolved per request. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Resident {
  @Field(() => CitizenIdScalar)
  id!: string;
}
