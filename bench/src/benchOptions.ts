import { parseArgs } from 'node:util';
import { z } from 'zod';

const schema = z.object({
  preset: z.enum(['pilot', 'district']).default('pilot'),
  /** Seconds of measured load per run. */
  duration: z.coerce.number().positive().max(120).default(4),
  /** Seconds of unmeasured load before each run. */
  warmup: z.coerce.number().min(0).max(60).default(1),
  /** Concurrent clients; the overhead target is set at 10. */
  connections: z.coerce.number().int().min(1).max(1000).default(10),
  /** A run also stops after this many answers. */
  maxRequests: z.coerce.number().int().positive().default(50_000),
  /** The household-registration stand-in's throttle (the real system's is 200/s). */
  rateLimit: z.coerce.number().int().positive().default(1_000_000),
  /** Writes a V8 CPU profile of every process of the stack into this folder. */
  cpuProf: z.string().optional(),
  /** Extra environment for the stack's processes, `NAME=value` (settings to compare). */
  env: z.array(z.string().regex(/^[A-Z_][A-Z0-9_]*=/, 'must be NAME=value')).default([]),
  /** A PostgreSQL to use; without it, a fresh database on the local server. */
  databaseUrl: z.string().optional(),
  /** The embedded PGlite even when a PostgreSQL server answers. */
  embedded: z.boolean().default(false),
  /** Only the analysts' statistics workload (no gateway comparisons): the district figures in a few minutes. */
  statisticsOnly: z.boolean().default(false),
});

export type BenchOptions = z.infer<typeof schema>;

export const USAGE = `npm run bench -- [--preset pilot|district] [--duration S] [--warmup S] [--connections N]
                     [--max-requests N] [--rate-limit N] [--cpu-prof DIR] [--env NAME=value ...] [--embedded] [--statistics-only]
environment: DATABASE_URL (the PostgreSQL to use; default: a fresh database on 127.0.0.1:5432, else the embedded PGlite)`;

export function parseBenchOptions(args: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      preset: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      'max-requests': { type: 'string' },
      'rate-limit': { type: 'string' },
      'cpu-prof': { type: 'string' },
      env: { type: 'string', multiple: true },
      embedded: { type: 'boolean' },
      'statistics-only': { type: 'boolean' },
    },
    strict: true,
  });
  const result = schema.safeParse({
    preset: values.preset,
    duration: values.duration,
    warmup: values.warmup,
    connections: values.connections,
    maxRequests: values['max-requests'],
    rateLimit: values['rate-limit'],
    cpuProf: values['cpu-prof'],
    env: values.env,
    embedded: values.embedded,
    statisticsOnly: values['statistics-only'],
    databaseUrl: env.DATABASE_URL || undefined,
  });
  if (!result.success)
    throw new Error(
      `${result.error.issues.map((issue) => `--${String(issue.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue.message}`).join('; ')}\n${USAGE}`,
    );
  return result.data;
}
