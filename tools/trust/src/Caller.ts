import { z } from 'zod';
import { DEPARTMENT_ID_PATTERN, type DepartmentId } from '@resident-graph/schemas';

/** Who may call, as the design's table of users says (contract names). */
export const ROLES = ['grid-worker', 'window-clerk', 'department-officer', 'analyst', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** The department an officer belongs to: any registered department's id, so a new one needs no change here. */
export type OfficerDepartment = DepartmentId;
/** Subgraphs the street runs for itself: no department, so no officer of theirs sees more in them. */
export const STREET_UNITS: readonly string[] = ['grid', 'audit', 'statistics', 'changes'];

/** The verified caller: the subject of a user token, with the reach it grants. */
export const callerSchema = z
  .object({
    subject: z.string().min(1),
    role: z.enum(ROLES),
    department: z.string().regex(DEPARTMENT_ID_PATTERN, 'a department id is kebab-case').nullable(),
    /** Grid ids the caller serves (grid workers; officers may be scoped to grids). */
    grids: z.array(z.string().min(1)),
    /** Community id the caller serves (window clerks; officers may be scoped to one). */
    community: z.string().min(1).nullable(),
  })
  .refine((caller) => caller.role !== 'department-officer' || caller.department !== null, {
    message: 'a department officer needs a department',
    path: ['department'],
  })
  .refine((caller) => caller.department === null || !STREET_UNITS.includes(caller.department), {
    message: 'the grid, the audit trail, the statistics and the changes services have no department officers',
    path: ['department'],
  });
export type Caller = z.infer<typeof callerSchema>;
