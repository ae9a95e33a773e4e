import { Directive, Field, ObjectType } from 'type-graphql';
import { CitizenIdScalar, JurisdictionType, type Jurisdiction } from '@resident-graph/subgraph-kit';

/**
 * The resident as this subgraph knows it: by key, plus where the grid database says they
 * live (fetched by the gateway from the grid subgraph, so jurisdiction rules never rest on
 * client input); `labour` is resolved per request.
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
