import { Directive, Field, ObjectType } from 'type-graphql';
import { CitizenIdScalar } from '@resident-graph/subgraph-kit';

/** The resident as this subgraph knows it: by key only; `familyPlanning` is resolved per request. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Resident {
  @Field(() => CitizenIdScalar)
  id!: string;
}
