import type { DepartmentId } from '@resident-graph/schemas';
import type { Caller } from '@resident-graph/trust';

/**
 * What a role may do with a field:
 * - `allow`: always (not personal data, or reached only through a checked field);
 * - `jurisdiction`: only for a resident (household, grid …) inside the caller's reach,
 *   and only with a stated purpose (on a type with no `jurisdictionOf`, such as `Query`,
 *   the purpose alone);
 * - `mask`: as `jurisdiction`, but a citizen ID comes back masked (`310115********123X`);
 * - `deny`: never.
 */
export type Access = 'allow' | 'jurisdiction' | 'mask' | 'deny';

/**
 * The columns of a policy table. A department officer is `own-officer` in the subgraph of
 * their own department and `other-officer` everywhere else.
 */
export const AUDIENCES = ['grid-worker', 'window-clerk', 'own-officer', 'other-officer', 'analyst', 'auditor'] as const;
export type Audience = (typeof AUDIENCES)[number];

export type FieldAccess = Record<Audience, Access>;

/** One row per field: `Type.field` → access per audience. Anything not listed is denied. */
export type PolicyTable = Record<string, Record<string, FieldAccess>>;

/** Where a resident, household or grid is, as far as jurisdiction goes (from the grid database). */
export interface Jurisdiction {
  gridId: string | null;
  communityId: string | null;
}

/**
 * How a subgraph finds the jurisdiction a field is about: of its parent object (a field of
 * an entity type), or of what its arguments name (a root field such as `resident(id:)`).
 */
export type JurisdictionResolver<TContext> = (
  parent: Record<string, unknown>,
  context: TContext,
  args: Record<string, unknown>,
) => Promise<Jurisdiction | null> | Jurisdiction | null;

export interface SubgraphPolicy<TContext> {
  /** The department owning this subgraph (`grid` for the street's own, `audit` for the trail). */
  department: DepartmentId;
  table: PolicyTable;
  /** Entity types whose fields are checked for jurisdiction, and how to find it. */
  jurisdictionOf: Record<string, JurisdictionResolver<TContext>>;
  /** Entity types whose reads are personal data: audited, purpose required. */
  personalTypes: string[];
  /**
   * Which resident a read of a personal type's field is about, by type, for the audit
   * entry. A `Resident` is its own `id`; a root field asking for one names it by argument.
   */
  residentIdOf?: Record<string, ResidentIdOf>;
}

export type ResidentIdOf = (parent: Record<string, unknown>, args: Record<string, unknown>) => unknown;

export function audienceOf(caller: Caller, department: DepartmentId): Audience {
  if (caller.role !== 'department-officer') return caller.role;
  return caller.department === department ? 'own-officer' : 'other-officer';
}

/** Same access for every audience but the ones named. */
export function access(fallback: Access, overrides: Partial<FieldAccess> = {}): FieldAccess {
  return Object.fromEntries(AUDIENCES.map((audience) => [audience, overrides[audience] ?? fallback])) as FieldAccess;
}
