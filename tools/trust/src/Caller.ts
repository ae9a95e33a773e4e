import { z } from 'zod';

/** Who may call, as the design's table of users says (contract names). */
export const ROLES = ['grid-worker', 'window-clerk', 'department-officer', 'analyst', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Departments an officer can belong to. */
export const OFFICER_DEPARTMENTS = ['public-security', 'civil-affairs', 'family-planning', 'labour'] as const;
export type OfficerDepartment = (typeof OFFICER_DEPARTMENTS)[number];

/** The verified caller: the subject of a user token, with the reach it grants. */
export const callerSchema = z
  .object({
    subject: z.string().min(1),
    role: z.enum(ROLES),
    department: z.enum(OFFICER_DEPARTMENTS).nullable(),
    /** Grid ids the caller serves (grid workers; officers may be scoped to grids). */
    grids: z.array(z.string().min(1)),
    /** Community id the caller serves (window clerks; officers may be scoped to one). */
    community: z.string().min(1).nullable(),
  })
  .refine((caller) => caller.role !== 'department-officer' || caller.department !== null, {
    message: 'a department officer needs a department',
    path: ['department'],
  });
export type Caller = z.infer<typeof callerSchema>;
