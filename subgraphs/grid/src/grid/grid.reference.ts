import type { GridContext } from '../GridContext';
import type { Grid } from './grid.type';
import { loadGrid } from './loadGrid';

export function resolveGridReference(reference: { id: string }, context: GridContext): Promise<Grid | null> {
  return loadGrid(context, String(reference.id));
}
