import { toGraphQLError } from '@resident-graph/subgraph-kit';
import type { GridContext } from '../GridContext';
import type { Community } from './community.type';

/** A community by id through the request's loader; null when the street has no such community. */
export async function loadCommunity(context: GridContext, id: string): Promise<Community | null> {
  try {
    return await context.communities.load(id);
  } catch (error) {
    throw toGraphQLError(error);
  }
}
