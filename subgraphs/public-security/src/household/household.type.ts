import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { HouseholdMemberRecord } from '@resident-graph/adapter-public-security';
import type { RelationToHead } from '@resident-graph/schemas';
import { RelationToHeadEnum } from '../enums';
import { Resident } from '../resident/resident.type';

@ObjectType({ description: 'A registered household (户), keyed by its household number (户号)' })
@Directive('@key(fields: "id")')
export class Household {
  @Field(() => ID, { description: 'Household number (户号)' })
  id!: string;

  @Field(() => String, { description: 'Registered address of the household (户籍地址)' })
  registeredAddress!: string;

  /** Members as registered; resolved into `head` and `members`. */
  memberRecords!: HouseholdMemberRecord[];
}

@ObjectType({ description: 'A member of a registered household' })
export class HouseholdMember {
  @Field(() => Resident)
  resident!: Resident;

  @Field(() => RelationToHeadEnum)
  relationToHead!: RelationToHead;
}
