import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HouseholdLocation } from '@resident-graph/adapter-grid';
import { JurisdictionType, toGraphQLError } from '@resident-graph/subgraph-kit';
import type { GridContext } from '../GridContext';
import { Household } from './household.type';

@Resolver(() => Household)
export class HouseholdResolver {
  @FieldResolver(() => JurisdictionType, {
    nullable: true,
    description: "Where the household's dwelling is, for other subgraphs' jurisdiction checks; null when the grid survey has no such dwelling",
  })
  @Directive('@inaccessible')
  async jurisdiction(@Root() household: Household, @Ctx() context: GridContext): Promise<HouseholdLocation | null> {
    try {
      return await context.households.load(household.id);
    } catch (error) {
      throw toGraphQLError(error);
    }
  }
}
