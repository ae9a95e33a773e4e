import { Field, ObjectType } from 'type-graphql';
import { Resident } from './resident.type';

@ObjectType({ description: 'Residents whose name matches a search, within the caller’s jurisdiction' })
export class ResidentMatches {
  @Field(() => [Resident], { description: 'Exact names first, then by name' })
  nodes!: Resident[];

  @Field(() => Boolean, { description: 'More residents match than were returned: narrow the name' })
  hasMore!: boolean;
}
