import { z } from 'zod';

export class SettingsError extends Error {
  readonly code = 'BAD_SETTINGS';
}

/**
 * Reads a process's settings from the environment and validates them at start, so a bad
 * value fails fast with a message naming the variable instead of misbehaving later.
 */
export function loadSettings<Shape extends z.ZodRawShape>(component: string, shape: Shape, env: NodeJS.ProcessEnv = process.env): z.infer<z.ZodObject<Shape>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new SettingsError(`${component}: invalid settings — ${problems.join('; ')}`);
}

/** A TCP port setting with a default. */
export const portSetting = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
/** An http(s) URL setting with a default. */
export const urlSetting = (fallback: string) => z.url({ protocol: /^https?$/ }).default(fallback);
/** A positive duration in milliseconds with a default. */
export const millisecondsSetting = (fallback: number) => z.coerce.number().int().positive().default(fallback);
