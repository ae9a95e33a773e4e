import { ArgsType, Field, Int } from 'type-graphql';
import { MAX_ROSTER_PAGE } from '@resident-graph/adapter-grid';

/** Page size when `first` is left out or given as null. */
export const DEFAULT_ROSTER_PAGE = 50;

@ArgsType()
export class ResidentsArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_ROSTER_PAGE, description: `0 to ${MAX_ROSTER_PAGE}` })
  first!: number | null;

  @Field(() => String, { nullable: true, description: "A previous page's `endCursor`" })
  after!: string | null;
}
