import { audienceOf, type Access, type PolicyTable } from '@resident-graph/subgraph-kit';
import type { Department } from '@resident-graph/schemas';
import { inJurisdiction, type Jurisdiction } from '@resident-graph/subgraph-kit';
import type { Caller } from '@resident-graph/trust';

/** One probe of the matrix: a top-level Resident field with a selection, and which tables govern it. */
export interface FieldProbe {
  /** The selection under `resident(id:)`. */
  selection: string;
  /** `Type.field` rows along the path, each with the department whose table holds it. */
  rows: { department: Department; row: string }[];
}

export type Outcome = { kind: 'served'; masked: boolean } | { kind: 'refused'; code: 'FORBIDDEN' | 'OUT_OF_JURISDICTION' | 'PURPOSE_REQUIRED' };

/**
 * What the access written by hand says a caller gets for a probe on a resident at `place`:
 * refused at the first row that denies (FORBIDDEN) or wants a purpose not given (PURPOSE_REQUIRED), else out of jurisdiction where a row
 * is jurisdiction-bound (OUT_OF_JURISDICTION), else served, masked if a row masks.
 */
export function expectedOutcome(
  policies: Record<Department, { table: PolicyTable }>,
  caller: Caller,
  purpose: boolean,
  probe: FieldProbe,
  place: Jurisdiction | null,
  entryRows: { department: Department; row: string }[],
): Outcome {
  const accesses: Access[] = [];
  for (const { department, row } of [...entryRows, ...probe.rows]) {
    const [typeName, field] = row.split('.') as [string, string];
    const access = policies[department].table[typeName]?.[field]?.[audienceOf(caller, department)] ?? 'deny';
    accesses.push(access);
    if (access === 'deny') return { kind: 'refused', code: 'FORBIDDEN' };
    if (access !== 'allow' && !purpose) return { kind: 'refused', code: 'PURPOSE_REQUIRED' };
    if (access !== 'allow' && !inJurisdiction(caller, place)) return { kind: 'refused', code: 'OUT_OF_JURISDICTION' };
  }
  return { kind: 'served', masked: accesses.includes('mask') };
}
