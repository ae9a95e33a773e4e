import { toGraphQLError } from '@resident-graph/subgraph-kit';
import type { GridContext } from '../GridContext';
import type { Grid } from './grid.type';

/** A grid by id through the request's loader; null when the street has no such grid. */
export async function loadGrid(context: GridContext, id: string): Promise<Grid | null> {
  try {
    return await context.grids.load(id);
  } catch (error) {
    throw toGraphQLError(error);
  }
}
