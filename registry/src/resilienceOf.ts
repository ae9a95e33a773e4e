import { resilienceToEnv, resolveResilience, type DepartmentResilience } from '@resident-graph/adapter-kit';
import type { DepartmentEntry } from './DepartmentEntry';

/** A department's resilience settings, its registry values over the defaults; a bad one throws naming it (`departments[labour].resilience.maxQueued`). */
export function resilienceOf(department: DepartmentEntry): DepartmentResilience {
  return resolveResilience(`departments[${department.id}].resilience`, department.resilience ?? {});
}

/** The same as the environment its subgraph reads (`DEPARTMENT_TIMEOUT_MS`, `DEPARTMENT_MAX_CONCURRENT` …). */
export function resilienceEnvOf(department: DepartmentEntry): Record<string, string> {
  return resilienceToEnv(resilienceOf(department));
}
