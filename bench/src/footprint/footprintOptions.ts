import { parseArgs } from 'node:util';
import { z } from 'zod';

const schema = z.object({
  preset: z.enum(['pilot', 'district']),
  /** Full records read through the gateway before memory is read. */
  records: z.coerce.number().int().min(1).max(100_000),
  /** Clients reading them at once. */
  connections: z.coerce.number().int().min(1).max(100),
  /** Seconds of quiet after the reads, before memory is read. */
  idle: z.coerce.number().min(0).max(600),
  /** The stack's ports counted up from here (npm start's PORT_BASE), so a stack on the defaults may run beside it. */
  portBase: z.coerce.number().int().min(1024).max(65_000),
  /** Where the stack keeps its state and data; empty or missing means a first start (generation included). */
  workDir: z.string().min(1).optional(),
});

export type FootprintOptions = z.infer<typeof schema>;

export const USAGE = `npm run bench:footprint -- [--preset pilot|district] [--records N] [--connections N] [--idle S] [--port-base P] [--work-dir DIR]`;

export function parseFootprintOptions(args: string[]): FootprintOptions {
  const { values } = parseArgs({
    args,
    options: {
      preset: { type: 'string', default: 'pilot' },
      records: { type: 'string', default: '100' },
      connections: { type: 'string', default: '10' },
      idle: { type: 'string', default: '60' },
      'port-base': { type: 'string', default: '5400' },
      'work-dir': { type: 'string' },
    },
    strict: true,
  });
  const parsed = schema.safeParse({ ...values, portBase: values['port-base'], workDir: values['work-dir'] });
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ')}\n${USAGE}`);
  return parsed.data;
}
