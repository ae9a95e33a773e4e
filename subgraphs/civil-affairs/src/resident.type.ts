import { Directive, Field, ObjectType } from 'type-graphql';
import { CitizenIdScalar, JurisdictionType, type Jurisdiction } from '@resident-graph/subgraph-kit';

/**
 * The resident as this subgraph knows it: by key, plus the jurisdiction the gateway fetches
 * from the grid subgraph for the fields that `@requires` it; `civilAffairs` is resolved per
 * request.
 */
@ObjectType()
@Directive('@key(fields: "id")')
export class Resident {
  @Field(() => CitizenIdScalar)
  id!: string;

  @Field(() => JurisdictionType, { nullable: true })
  @Directive('@external')
  jurisdiction!: Jurisdiction | null;
}
