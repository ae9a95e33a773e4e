import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const isoDate = z.iso.date();

/**
 * One breaking change a subgraph announced: the schema coordinate it touches (as
 * graphql-inspector names it, e.g. `LabourSection.laidOff`, `Query.resident.id`, `Gender.OTHER`),
 * the kind of change when only one kind is meant, why, since when clients were told (the
 * field's `@deprecated` or the release notes), and the last day before it may ship.
 */
export const ChangelogEntry = z.strictObject({
  path: z.string().min(1),
  change: z.string().min(1).optional(),
  reason: z.string().min(1),
  deprecatedSince: isoDate,
  removableAfter: isoDate,
});
export type ChangelogEntry = z.infer<typeof ChangelogEntry>;

export const SchemaChangelog = z.strictObject({ entries: z.array(ChangelogEntry) });
export type SchemaChangelog = z.infer<typeof SchemaChangelog>;

/** `<dir>/<subgraph>.json`; a subgraph without one has announced nothing. */
export function readChangelog(dir: string, subgraph: string): SchemaChangelog {
  const file = path.join(dir, `${subgraph}.json`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { entries: [] };
  }
  const parsed = SchemaChangelog.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
