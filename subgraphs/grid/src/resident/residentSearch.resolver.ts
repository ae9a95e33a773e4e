import { GraphQLError } from 'graphql';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { checkNameSearch, MAX_NAME_SEARCH_RESULTS, MIN_NAME_SEARCH_LENGTH, NameSearchError } from '@resident-graph/adapter-grid';
import { toGraphQLError } from '@resident-graph/subgraph-kit';
import type { PolicedGridContext } from '../GridContext';
import { ResidentMatches } from './residentMatches.type';
import { searchScope } from './searchScope';

const DEFAULT_NAME_SEARCH_RESULTS = 20;

@Resolver()
export class ResidentSearchResolver {
  /**
   * Searches the grid survey's names where the grid database places residents, within the
   * reach the caller's verified token grants: jurisdiction comes from the database and the
   * token, never from an argument. Each resident found goes into the request's audit entry.
   */
  @Query(() => ResidentMatches, {
    description: `Residents within the caller's jurisdiction whose name (as the grid survey records it) contains the text given, at least ${MIN_NAME_SEARCH_LENGTH} characters (front-line staff, with a purpose)`,
  })
  async residentsByName(
    @Arg('name', () => String) name: string,
    @Arg('first', () => Int, { defaultValue: DEFAULT_NAME_SEARCH_RESULTS, description: `1 to ${MAX_NAME_SEARCH_RESULTS}` }) first: number,
    @Ctx() context: PolicedGridContext,
  ): Promise<ResidentMatches> {
    const scope = searchScope(context.trust.caller);
    try {
      const trimmed = name.trim();
      // Checked before the scope, so a caller who reaches no one still learns what was wrong with the question.
      checkNameSearch(trimmed, first);
      if (scope === null) return { nodes: [], hasMore: false };
      const found = await context.adapter.findResidentsByName({ name: trimmed, scope, first });
      // The search itself goes into the audit entry, even when it finds no one.
      context.served.record('Query', undefined, 'residentsByName');
      for (const node of found.nodes) {
        context.rememberResident(node.citizenId, node.lookup);
        context.served.record('Resident', node.citizenId, 'id');
      }
      return { nodes: found.nodes.map((node) => ({ id: node.citizenId })), hasMore: found.hasMore };
    } catch (error) {
      if (error instanceof NameSearchError) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
      throw toGraphQLError(error);
    }
  }
}
