import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEPARTMENT_ID_PATTERN } from '@resident-graph/schemas';
import { PLATFORM_SUBGRAPHS, type DepartmentEntry, type Protocol } from '@resident-graph/registry';

export const PROTOCOLS: readonly Protocol[] = ['rest', 'soap', 'db', 'csv'];
export const USAGE = 'usage: npm run new:department -- --id ID --name NAME --protocol rest|soap|db|csv [--name-en NAME_EN]';

/** A name shown in docs and schema descriptions: one line, no comment terminator, no backtick (templates quote the rest). */
const displayName = (option: string) =>
  z
    .string({ error: `${option} is required` })
    .trim()
    .min(1, `${option} must not be empty`)
    .refine((name) => !/[\n\r`]|\*\//.test(name), `${option} must be one line without backticks or "*/"`);

export class UsageError extends Error {
  readonly code = 'BAD_ARGUMENTS';
}

/** Validates `new:department`'s arguments against the registry as it stands: the id must be new. */
export function parseNewDepartmentArgs(argv: string[], registered: readonly DepartmentEntry[]): { id: string; zh: string; en: string; protocol: Protocol } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { id: { type: 'string' }, name: { type: 'string' }, 'name-en': { type: 'string' }, protocol: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const taken = new Set([...registered.map((department) => department.id), ...PLATFORM_SUBGRAPHS.map((subgraph) => subgraph.name)]);
  const schema = z.object({
    id: z
      .string({ error: '--id is required' })
      .regex(DEPARTMENT_ID_PATTERN, '--id must be kebab-case, e.g. community-corrections')
      .refine((id) => !taken.has(id), { message: `--id is taken (registered: ${[...taken].join(', ')})` }),
    name: displayName('--name'),
    'name-en': displayName('--name-en').optional(),
    protocol: z.enum(PROTOCOLS as [Protocol, ...Protocol[]], { error: `--protocol must be one of ${PROTOCOLS.join(', ')}` }),
  });
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new UsageError(`${parsed.error.issues.map((issue) => issue.message).join('\n')}\n${USAGE}`);
  const { id, name, protocol } = parsed.data;
  return { id, zh: name, en: parsed.data['name-en'] ?? id.replace(/-/g, ' '), protocol };
}
