import { parseArgs } from 'node:util';
import { z } from 'zod';

const schema = z.object({
  preset: z.enum(['pilot', 'district']),
  /** Seconds of measured load per workload. */
  duration: z.coerce.number().positive().max(300),
  /** Seconds of unmeasured load before it. */
  warmup: z.coerce.number().min(0).max(60),
  /** Concurrent clients; issue 15's targets are set at 10. */
  connections: z.coerce.number().int().min(1).max(500),
  /** Writes a V8 CPU profile of every process of the stack into this folder. */
  cpuProf: z.string().min(1).optional(),
  /** Extra Node flags for every process of the stack (settings to compare, e.g. a heap size). */
  nodeArgs: z.array(z.string().regex(/^--[a-z]/, 'must be a Node flag')),
  /** A PostgreSQL to use; without it, a fresh database on the local server. */
  databaseUrl: z.string().optional(),
  /** The embedded PGlite, as `npm start` runs, even when a PostgreSQL server answers. */
  embedded: z.boolean(),
});

export type StackCpuOptions = z.infer<typeof schema>;

export const USAGE = `npm run bench:stack -- [--preset pilot|district] [--duration S] [--warmup S] [--connections N] [--cpu-prof DIR] [--node-arg=FLAG ...] [--embedded]
environment: DATABASE_URL (the PostgreSQL to use; default: a fresh database on 127.0.0.1:5432)`;

export function parseStackCpuOptions(args: string[], env: NodeJS.ProcessEnv = process.env): StackCpuOptions {
  const { values } = parseArgs({
    args,
    options: {
      preset: { type: 'string', default: 'pilot' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '10' },
      'cpu-prof': { type: 'string' },
      'node-arg': { type: 'string', multiple: true, default: [] },
      embedded: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const parsed = schema.safeParse({ ...values, cpuProf: values['cpu-prof'], nodeArgs: values['node-arg'], databaseUrl: env.DATABASE_URL || undefined });
  if (!parsed.success) {
    const flag = (path: PropertyKey[]) => (path[0] === 'nodeArgs' ? '--node-arg' : `--${String(path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    throw new Error(`${parsed.error.issues.map((issue) => `${flag(issue.path)}: ${issue.message}`).join('; ')}\n${USAGE}`);
  }
  return parsed.data;
}
