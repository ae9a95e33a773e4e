import type { DepartmentId } from '@resident-graph/schemas';

/**
 * The ways a department's system can fail a lookup. Subgraphs surface the code as the
 * GraphQL error's `extensions.code` and answer the section with `null`.
 * - `DEPARTMENT_UNAVAILABLE`: refused, unreachable, 5xx, or its circuit is open.
 * - `DEPARTMENT_TIMEOUT`: no answer within the adapter's time limit.
 * - `DEPARTMENT_BAD_RESPONSE`: it answered, but not in its documented format.
 */
export type DepartmentErrorCode = 'DEPARTMENT_UNAVAILABLE' | 'DEPARTMENT_TIMEOUT' | 'DEPARTMENT_BAD_RESPONSE';

export class DepartmentError extends Error {
  constructor(
    readonly code: DepartmentErrorCode,
    readonly department: DepartmentId,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${department}: ${message}`, options);
    this.name = 'DepartmentError';
  }
}
