import { z } from 'zod';
import { CHANGE_KINDS, CHANGE_RULES, type ChangeKind } from '@resident-graph/schemas';
import type { ChangeLimits } from './changesService';

/**
 * `CHANGE_LIMITS_JSON`: days that depart from CHANGE_RULES, `{"MARRIAGE": {"civil-affairs": 3}}`.
 * Only a department the table names for a kind may be given a limit for it: a limit for one
 * that is never told of the change would be silently meaningless.
 */
export const changeLimitsSchema = z
  .string()
  .default('{}')
  .transform((text, context): ChangeLimits => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      context.addIssue({ code: 'custom', message: 'a JSON object of change kinds to {department: days}' });
      return z.NEVER;
    }
    const shape = z.partialRecord(z.enum(CHANGE_KINDS), z.record(z.string(), z.number().int().min(1).max(365)));
    const limits = shape.safeParse(parsed);
    if (!limits.success) {
      context.addIssue({ code: 'custom', message: `a JSON object of change kinds to {department: days (1-365)}: ${limits.error.issues[0]?.message ?? ''}` });
      return z.NEVER;
    }
    for (const [kind, departments] of Object.entries(limits.data) as [ChangeKind, Record<string, number>][]) {
      for (const department of Object.keys(departments)) {
        if (!CHANGE_RULES[kind].some((duty) => duty.department === department)) {
          context.addIssue({ code: 'custom', message: `${department} does not act on ${kind} (CHANGE_RULES): no limit to set` });
        }
      }
    }
    return limits.data as ChangeLimits;
  });
