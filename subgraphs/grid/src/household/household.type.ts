import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A household as the grid knows it: the dwelling keyed by its household number (户号),
 * which public security describes; the grid says only where it is.
 */
@ObjectType()
@Directive('@key(fields: "id")')
export class Household {
  @Field(() => ID)
  id!: string;
}
