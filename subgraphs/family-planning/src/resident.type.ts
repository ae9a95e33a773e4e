import { Directive, Field, ObjectType } from 'type-graphql';
import { CitizenIdScalar, JurisdictionType } from '@resident-graph/subgraph-kit';

/** The resident as this subgraph knows it: by key, with where the grid database says they live. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Resident {
  @Field(() => CitizenIdScalar)
  id!: string;

  /**
   * Resolved by the grid subgraph and passed in the representation, so the policy decides
   * on the resident's real jurisdiction; absent on a resident this subgraph links to itself.
   */
  @Field(() => JurisdictionType, { nullable: true })
  @Directive('@external')
  jurisdiction?: JurisdictionType | null;
}
