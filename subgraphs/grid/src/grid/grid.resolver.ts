import { GraphQLError } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { DepartmentError } from '@resident-graph/adapter-kit';
import { RosterArgumentError, type GridWorkerInfo } from '@resident-graph/adapter-grid';
import { toGraphQLError } from '@resident-graph/subgraph-kit';
import { Community } from '../community/community.type';
import type { GridContext, PolicedGridContext } from '../GridContext';
import { Grid, GridWorker } from './grid.type';
import { loadGrid } from './loadGrid';
import { ResidentConnection } from './residentConnection.type';
import { DEFAULT_ROSTER_PAGE, ResidentsArgs } from './residentsArgs';

@Resolver(() => Grid)
export class GridResolver {
  @Query(() => Grid, { nullable: true, description: 'null when the street has no such grid' })
  grid(@Arg('id', () => ID) id: string, @Ctx() context: GridContext): Promise<Grid | null> {
    return loadGrid(context, id);
  }

  @FieldResolver(() => Community)
  async community(@Root() grid: Grid, @Ctx() context: GridContext): Promise<Community> {
    try {
      const community = await context.communities.load(grid.communityId);
      if (!community) throw new DepartmentError('DEPARTMENT_BAD_RESPONSE', 'grid', `grid ${grid.id} names a community ${grid.communityId} that does not exist`);
      return community;
    } catch (error) {
      throw toGraphQLError(error);
    }
  }

  /**
   * One query per page; its residents' records prime the request's loader, so their fields
   * cost nothing more. Whose citizen IDs the page lists goes into the request's audit entry.
   */
  @FieldResolver(() => ResidentConnection, { description: 'The residents living in the grid, in a stable order' })
  async residents(
    @Root() grid: Grid,
    @Args(() => ResidentsArgs) { first, after }: ResidentsArgs,
    @Ctx() context: PolicedGridContext,
  ): Promise<ResidentConnection> {
    try {
      const page = await context.adapter.listGridResidents(grid.id, { first: first ?? DEFAULT_ROSTER_PAGE, after: after ?? null });
      context.grids.prime(grid.id, grid);
      for (const node of page.nodes) {
        context.rememberResident(node.citizenId, node.lookup);
        context.served.record('Resident', node.citizenId, 'id');
      }
      return {
        nodes: page.nodes.map((node) => ({ id: node.citizenId })),
        totalCount: page.totalCount,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      };
    } catch (error) {
      if (error instanceof RosterArgumentError) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
      throw toGraphQLError(error);
    }
  }

  @FieldResolver(() => [GridWorker], { description: '网格员 serving the grid' })
  async gridWorkers(@Root() grid: Grid, @Ctx() context: GridContext): Promise<GridWorkerInfo[]> {
    try {
      return await context.gridWorkers.load(grid.id);
    } catch (error) {
      throw toGraphQLError(error);
    }
  }
}
