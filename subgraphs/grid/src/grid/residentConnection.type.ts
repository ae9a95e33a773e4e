import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Resident } from '../resident/resident.type';

// Value types other subgraphs may also return (search results): shareable, identical fields.

@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null for an empty page' })
  endCursor!: string | null;
}

@ObjectType()
@Directive('@shareable')
export class ResidentConnection {
  @Field(() => [Resident])
  nodes!: Resident[];

  @Field(() => Int)
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
