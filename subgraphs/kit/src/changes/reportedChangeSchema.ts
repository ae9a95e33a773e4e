import { z } from 'zod';
import {
  CHANGE_KINDS,
  CHANGE_MEMBER,
  EMPLOYMENT_STATUSES,
  GENDERS,
  normalizeCitizenId,
  type Gender,
  type ChangeFacts,
  type ReportedChange,
} from '@resident-graph/schemas';

/** A canonical 18-character citizen ID, as the changes service names residents. */
const citizenId = z.string().refine((value) => {
  const id = normalizeCitizenId(value);
  return id.ok && id.id === value;
}, 'not a canonical 18-character citizen ID');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'no such date');

const MEMBERS: readonly (keyof ChangeFacts)[] = ['move', 'moveOut', 'birth', 'spouse', 'employment'];

/**
 * A `ReportedChange` as a delivery's body carries it: its kind's member present and the
 * others absent (`CHANGE_MEMBER`), a resident named except for a birth (which names the parents).
 */
export const reportedChangeSchema: z.ZodType<ReportedChange> = z
  .object({
    kind: z.enum(CHANGE_KINDS),
    residentId: citizenId.nullable(),
    occurredOn: isoDate,
    move: z.object({ gridId: z.string().min(1), address: z.string().min(1) }).nullish(),
    moveOut: z.object({ toAddress: z.string().min(1) }).nullish(),
    birth: z
      .object({
        motherId: citizenId,
        fatherId: citizenId.nullish(),
        childName: z.string().min(1),
        childGender: z.enum([...new Set(GENDERS)] as [Gender, ...Gender[]]),
      })
      .nullish(),
    spouse: z.object({ spouseId: citizenId }).nullish(),
    employment: z.object({ status: z.enum(EMPLOYMENT_STATUSES) }).nullish(),
  })
  .superRefine((change, context) => {
    const member = CHANGE_MEMBER[change.kind];
    for (const name of MEMBERS) {
      const present = change[name] != null;
      if (name === member && !present) context.addIssue({ code: 'custom', path: [name], message: `${change.kind} needs ${name}` });
      if (name !== member && present) context.addIssue({ code: 'custom', path: [name], message: `${change.kind} takes no ${name}` });
    }
    if ((change.kind === 'BIRTH') !== (change.residentId === null))
      context.addIssue({
        code: 'custom',
        path: ['residentId'],
        message: change.kind === 'BIRTH' ? 'a birth names the parents, not a resident' : `${change.kind} names a resident`,
      });
  }) as z.ZodType<ReportedChange>;
