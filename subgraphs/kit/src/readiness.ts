import type { BreakerState, DepartmentAdapter } from '@resident-graph/adapter-kit';
import type { DepartmentId } from '@resident-graph/schemas';

export interface DepartmentReadiness {
  department: DepartmentId;
  breaker: BreakerState;
}

export interface SubgraphReadiness {
  /** `degraded` while any department's circuit refuses calls. */
  status: 'ready' | 'degraded';
  departments: DepartmentReadiness[];
}

/** A breaker that refuses every call; half-open lets one through, so the subgraph is ready to try. */
const REFUSING: ReadonlySet<BreakerState> = new Set(['open', 'isolated']);

/**
 * What `/health/ready` answers: each department system's breaker, read without calling the
 * system. HTTP 503 while any of them is open, 200 when all are closed or half-open.
 */
export function readinessOf(adapters: readonly DepartmentAdapter<unknown>[]): { httpStatus: 200 | 503; body: SubgraphReadiness } {
  const departments = adapters.map((adapter) => ({ department: adapter.department, breaker: adapter.breakerState() }));
  const degraded = departments.some((department) => REFUSING.has(department.breaker));
  return { httpStatus: degraded ? 503 : 200, body: { status: degraded ? 'degraded' : 'ready', departments } };
}
