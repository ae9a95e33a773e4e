import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** 社区 (居委): a community of the street, made of grids. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Community {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;
}
