import { Field, ObjectType } from 'type-graphql';
import type { Gender } from '@resident-graph/schemas';
import { CitizenIdScalar, DateScalar, GenderEnum, type ResidentEntity } from '@resident-graph/subgraph-kit';
import { Resident } from './resident.type';

@ObjectType({ description: "A child on a parent's family-planning record" })
export class ChildRecord {
  @Field(() => CitizenIdScalar, { nullable: true, description: 'null for a newborn public security has not yet issued an ID' })
  citizenId!: string | null;

  @Field(() => Resident, { nullable: true, description: 'The child as a resident of the graph; null for a newborn without an ID' })
  resident!: Pick<ResidentEntity, 'id'> | null;

  @Field(() => String)
  name!: string;

  @Field(() => GenderEnum)
  gender!: Gender;

  @Field(() => DateScalar)
  birthDate!: string;
}
