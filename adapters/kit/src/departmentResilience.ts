import { z } from 'zod';
import { loadSettings } from '@resident-graph/service-kit';

/**
 * How calls to one department's system are guarded (`createDepartmentPolicy`): each
 * department's values are in the registry (`registry/src/departments.ts`), checked when the
 * stack starts and again, as environment, when its subgraph starts.
 */
export const departmentResilienceSchema = z
  .object({
    /** Time limit of one attempt. */
    timeoutMs: z.number().int().positive(),
    /** Further attempts after a failure that may be transient. */
    retries: z.number().int().min(0).max(10),
    /** Consecutive failed calls that open the circuit. */
    breakAfter: z.number().int().min(1),
    /** How long an open circuit refuses calls before letting one through again. */
    halfOpenAfterMs: z.number().int().positive(),
    /** Calls to the system under way at once (the bulkhead). */
    maxConcurrent: z.number().int().min(1),
    /** Calls waiting for a free slot; one more is refused with DEPARTMENT_UNAVAILABLE. */
    maxQueued: z.number().int().min(0),
  })
  .strict();

export type DepartmentResilience = z.infer<typeof departmentResilienceSchema>;

export const DEFAULT_RESILIENCE: DepartmentResilience = {
  timeoutMs: 2_000,
  retries: 2,
  breakAfter: 5,
  halfOpenAfterMs: 10_000,
  maxConcurrent: 10,
  maxQueued: 50,
};

/** The environment variable a department subgraph reads each setting from. */
export const RESILIENCE_ENV: Record<keyof DepartmentResilience, string> = {
  timeoutMs: 'DEPARTMENT_TIMEOUT_MS',
  retries: 'DEPARTMENT_RETRIES',
  breakAfter: 'DEPARTMENT_BREAK_AFTER',
  halfOpenAfterMs: 'DEPARTMENT_HALF_OPEN_AFTER_MS',
  maxConcurrent: 'DEPARTMENT_MAX_CONCURRENT',
  maxQueued: 'DEPARTMENT_MAX_QUEUED',
};

export class ResilienceSettingsError extends Error {
  readonly code = 'BAD_SETTINGS';
}

/**
 * The defaults with `overrides` on top, validated: a bad value throws a
 * `ResilienceSettingsError` naming it as `<where>.<setting>`.
 */
export function resolveResilience(where: string, overrides: unknown = {}): DepartmentResilience {
  const given =
    typeof overrides === 'object' && overrides !== null ? Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)) : overrides;
  const result = departmentResilienceSchema.safeParse(typeof given === 'object' && given !== null ? { ...DEFAULT_RESILIENCE, ...given } : given);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${[where, ...issue.path].join('.')}: ${issue.message}`);
  throw new ResilienceSettingsError(`invalid resilience settings — ${problems.join('; ')}`);
}

/** The settings as the environment a subgraph process reads (`resilienceFromEnv`). */
export function resilienceToEnv(resilience: DepartmentResilience): Record<string, string> {
  return Object.fromEntries((Object.keys(RESILIENCE_ENV) as (keyof DepartmentResilience)[]).map((key) => [RESILIENCE_ENV[key], String(resilience[key])]));
}

const integerSetting = (minimum: number, fallback: number) => z.coerce.number().int().min(minimum).default(fallback);

/** A subgraph's settings from its environment, each unset one at its default; a bad one fails naming the variable. */
export function resilienceFromEnv(component: string, env: NodeJS.ProcessEnv = process.env): DepartmentResilience {
  const d = DEFAULT_RESILIENCE;
  const settings = loadSettings(
    component,
    {
      DEPARTMENT_TIMEOUT_MS: integerSetting(1, d.timeoutMs),
      DEPARTMENT_RETRIES: integerSetting(0, d.retries).pipe(z.number().max(10)),
      DEPARTMENT_BREAK_AFTER: integerSetting(1, d.breakAfter),
      DEPARTMENT_HALF_OPEN_AFTER_MS: integerSetting(1, d.halfOpenAfterMs),
      DEPARTMENT_MAX_CONCURRENT: integerSetting(1, d.maxConcurrent),
      DEPARTMENT_MAX_QUEUED: integerSetting(0, d.maxQueued),
    },
    env,
  );
  return {
    timeoutMs: settings.DEPARTMENT_TIMEOUT_MS,
    retries: settings.DEPARTMENT_RETRIES,
    breakAfter: settings.DEPARTMENT_BREAK_AFTER,
    halfOpenAfterMs: settings.DEPARTMENT_HALF_OPEN_AFTER_MS,
    maxConcurrent: settings.DEPARTMENT_MAX_CONCURRENT,
    maxQueued: settings.DEPARTMENT_MAX_QUEUED,
  };
}
