import type { DepartmentNames } from '../DepartmentNames';
import type { FileMap } from './FileMap';

/** The adapter's files every protocol shares: the record, its wire validation, the sample data. */
export function adapterCommon(n: DepartmentNames): FileMap {
  return {
    'src/index.ts': `export * from './${n.pascal}Record';
export * from './create${n.pascal}Adapter';
`,
    [`src/${n.pascal}Record.ts`]: `import { z } from 'zod';

/** What the ${n.en} department (${n.zh}) holds on a resident, in canonical form. Replace with its real record. */
export const ${n.camel}RecordSchema = z.object({
  citizenId: z.string().length(18),
  /** The department's own reference for the record (its case number). */
  referenceNumber: z.string().min(1),
  /** When the department registered the resident, \`YYYY-MM-DD\`. */
  registeredOn: z.string().regex(/^\\d{4}-\\d{2}-\\d{2}$/),
  status: z.enum(['ACTIVE', 'CLOSED']),
});
export type ${n.pascal}Record = z.infer<typeof ${n.camel}RecordSchema>;
`,
    'src/parseAnswer.ts': `import type { z } from 'zod';
import { DepartmentError } from '@resident-graph/adapter-kit';

/** The department's answer, validated: anything not in its documented format is a bad response, never a guess. */
export function parseAnswer<T extends z.ZodType>(schema: T, answer: unknown): z.infer<T> {
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new DepartmentError('DEPARTMENT_BAD_RESPONSE', '${n.id}', 'answer not in the documented format', { cause: parsed.error });
  return parsed.data;
}
`,
    'src/lookupsOf.ts': `import type { DepartmentLookup } from '@resident-graph/adapter-kit';
import type { ${n.pascal}Record } from './${n.pascal}Record';

/** Every ID asked for gets an entry: its record, or \`null\` when the department holds none. */
export function lookupsOf(citizenIds: readonly string[], records: Iterable<${n.pascal}Record>): Map<string, DepartmentLookup<${n.pascal}Record>> {
  const byId = new Map([...records].map((record) => [record.citizenId, record]));
  return new Map(citizenIds.map((id) => [id, { record: byId.get(id) ?? null, issues: [] }]));
}
`,
    'src/stand-in/sampleRecords.ts': `import { createHash } from 'node:crypto';
import type { Population } from '@resident-graph/schemas';
import type { ${n.pascal}Record } from '../${n.pascal}Record';

/** One resident in \`SHARE\` has a record. */
const SHARE = 8;
const DAY_MS = 86_400_000;

/**
 * The stand-in's records, derived from the generated population: a resident has one when
 * a hash of their ID says so, and its contents come from the same hash, so every run of
 * the generator writes the same records.
 */
export function sampleRecords(population: Population): ${n.pascal}Record[] {
  const asOf = Date.parse(\`\${population.asOf}T00:00:00Z\`);
  return population.residents.flatMap((resident) => {
    const digest = createHash('sha256').update(\`${n.id}:\${resident.id}\`).digest();
    if (digest[0]! % SHARE !== 0) return [];
    return [
      {
        citizenId: resident.id,
        referenceNumber: \`${n.constant.slice(0, 4)}-\${digest.toString('hex').slice(2, 10).toUpperCase()}\`,
        registeredOn: new Date(asOf - (digest.readUInt16BE(1) % 3_650) * DAY_MS).toISOString().slice(0, 10),
        status: digest[3]! % 4 === 0 ? 'CLOSED' : 'ACTIVE',
      },
    ];
  });
}
`,
  };
}
