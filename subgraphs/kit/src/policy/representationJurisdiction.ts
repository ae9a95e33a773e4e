import type { Jurisdiction } from './Policy';

/**
 * The jurisdiction the gateway fetched from the grid subgraph into an entity's
 * representation (`@requires`); `null` when absent, which no role but a street-wide
 * officer passes.
 */
export function representationJurisdiction(parent: Record<string, unknown>): Jurisdiction | null {
  const value = parent.jurisdiction as Partial<Jurisdiction> | null | undefined;
  if (!value || typeof value !== 'object') return null;
  return { gridId: value.gridId ?? null, communityId: value.communityId ?? null };
}
