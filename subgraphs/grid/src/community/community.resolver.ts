import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { toGraphQLError } from '@resident-graph/subgraph-kit';
import { Grid } from '../grid/grid.type';
import type { GridContext } from '../GridContext';
import { Community } from './community.type';
import { loadCommunity } from './loadCommunity';

@Resolver(() => Community)
export class CommunityResolver {
  @Query(() => Community, { nullable: true, description: 'null when the street has no such community' })
  community(@Arg('id', () => ID) id: string, @Ctx() context: GridContext): Promise<Community | null> {
    return loadCommunity(context, id);
  }

  @FieldResolver(() => [Grid], { description: "The community's grids, by id" })
  async grids(@Root() community: Community, @Ctx() context: GridContext): Promise<Grid[]> {
    try {
      const grids = await context.communityGrids.load(community.id);
      for (const grid of grids) context.grids.prime(grid.id, grid);
      return grids;
    } catch (error) {
      throw toGraphQLError(error);
    }
  }
}
