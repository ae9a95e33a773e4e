import { parseArgs } from 'node:util';
import { z } from 'zod';

/** Departments whose system is a process of its own, which the second run can kill and start again. */
export type KillableDepartment = string;

const schema = (killable: readonly string[]) =>
  z.object({
    preset: z.enum(['pilot', 'district']).default('pilot'),
    /** Seconds of each run (bounded: a load run is never open-ended). */
    duration: z.coerce.number().positive().max(600).default(60),
    /** Seconds of unmeasured load before the first run (a cold process is slow for a while). */
    warmup: z.coerce.number().min(0).max(60).default(5),
    /** Concurrent clients. */
    connections: z.coerce.number().int().min(1).max(500).default(50),
    /** The department whose stand-in the second run kills for its middle third. */
    department: z
      .string()
      .refine((id) => killable.includes(id), { message: `must be one of ${killable.join(', ')} (a department whose system runs as its own process)` })
      .default('labour'),
    /** Every n-th answer is compared in full with truth.jsonl. */
    sampleEvery: z.coerce.number().int().min(1).default(10),
    /** A run also stops after this many answers. */
    maxRequests: z.coerce.number().int().positive().max(10_000_000).default(1_000_000),
  });

export type LoadRunOptions = z.infer<ReturnType<typeof schema>>;

export const LOAD_USAGE = `npm run load -- [--duration S] [--warmup S] [--connections N] [--department ID] [--sample-every N] [--max-requests N] [--preset pilot|district]`;

/** The command line of `npm run load`, validated; a bad value throws naming the flag. */
export function parseLoadOptions(args: string[], killable: readonly string[]): LoadRunOptions {
  const { values } = parseArgs({
    args,
    options: {
      preset: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      department: { type: 'string' },
      'sample-every': { type: 'string' },
      'max-requests': { type: 'string' },
    },
    strict: true,
  });
  const result = schema(killable).safeParse({
    preset: values.preset,
    duration: values.duration,
    warmup: values.warmup,
    connections: values.connections,
    department: values.department,
    sampleEvery: values['sample-every'],
    maxRequests: values['max-requests'],
  });
  if (result.success) return result.data;
  const flag = (path: PropertyKey[]) => `--${String(path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  throw new Error(`${result.error.issues.map((issue) => `${flag(issue.path)}: ${issue.message}`).join('; ')}\n${LOAD_USAGE}`);
}
