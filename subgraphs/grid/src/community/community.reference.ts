import type { GridContext } from '../GridContext';
import type { Community } from './community.type';
import { loadCommunity } from './loadCommunity';

export function resolveCommunityReference(reference: { id: string }, context: GridContext): Promise<Community | null> {
  return loadCommunity(context, String(reference.id));
}
