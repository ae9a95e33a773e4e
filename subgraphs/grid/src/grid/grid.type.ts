import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** 网格: the unit a grid worker serves, 300–500 households. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Grid {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: 'Area in square metres, as surveyed' })
  areaSquareMetres!: number;

  /** Resolves `community`; not a field of its own. */
  communityId!: string;
}

@ObjectType({ description: '网格员: a community worker serving the grid' })
export class GridWorker {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;
}
