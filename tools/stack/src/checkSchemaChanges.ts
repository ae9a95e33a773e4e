import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildASTSchema, Kind, parse, type DocumentNode } from 'graphql';
import { readChangelog, type ChangelogEntry } from './schemaChangelog';

/** The shortest deprecation period a breaking change may announce. */
export const MIN_DEPRECATION_DAYS = 30;

export interface SchemaChange {
  subgraph: string;
  /** graphql-inspector's kind of change, e.g. `FIELD_REMOVED`. */
  change: string;
  path: string;
  message: string;
}

export interface SchemaCheck {
  /** Breaking and not announced (or announced with too short or an unfinished period): the check fails. */
  refused: (SchemaChange & { why: string })[];
  /** Breaking, and announced with a finished deprecation period. */
  announced: SchemaChange[];
  /** Clients may notice (e.g. a new enum value), nothing fails. */
  dangerous: SchemaChange[];
}

export interface CheckSchemaChangesOptions {
  /** Subgraph name → its SDL as it would be published now (composeSupergraph's `subgraphSdls`). */
  current: ReadonlyMap<string, string>;
  /** `<subgraph>.graphql` as last released. */
  releasedDir: string;
  /** `<subgraph>.json` changelogs (schemaChangelog.ts). */
  changelogDir: string;
  /** YYYY-MM-DD. @default today (UTC) */
  today?: string;
}

// Subgraph SDL uses federation directives it does not define; the diff needs only the types.
const buildSubgraphSchema = (sdl: string) => buildASTSchema(parse(sdl), { assumeValidSDL: true });

/**
 * graphql-inspector's verdict, plus what it cannot know about federation: it rates a removed
 * `@key` as dangerous, but without it the gateway can no longer fetch that entity here.
 */
function isBreaking(change: Change): boolean {
  if (change.criticality.level === CriticalityLevel.Breaking) return true;
  return /^DIRECTIVE_USAGE_(OBJECT|INTERFACE)_REMOVED$/.test(change.type) && (change.path ?? '').endsWith('.@key');
}

/**
 * What no client of the supergraph could ever have used in a subgraph's released SDL: types
 * and fields marked `@inaccessible` (hidden from the API), `@external` fields (resolved by
 * another subgraph; here only inputs of `@requires`), and types all of whose fields are
 * `@external` (another subgraph's type, declared here only for them). Changing them breaks
 * no client, so the check does not ask for a deprecation period.
 */
function hiddenFromClients(released: DocumentNode): Set<string> {
  const hidden = new Set<string>();
  const marked = (node: { directives?: readonly { name: { value: string } }[] }, ...names: string[]) =>
    (node.directives ?? []).some((directive) => names.includes(directive.name.value));
  for (const definition of released.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const fields = definition.fields ?? [];
    if (marked(definition, 'inaccessible') || (fields.length > 0 && fields.every((field) => marked(field, 'external')))) hidden.add(definition.name.value);
    for (const field of fields) {
      if (marked(field, 'inaccessible', 'external')) hidden.add(`${definition.name.value}.${field.name.value}`);
    }
  }
  return hidden;
}

/** Whether a change's path lies in something no client could use. */
const touchesHidden = (hidden: Set<string>, changePath: string) => {
  const [type, field] = changePath.split('.');
  return hidden.has(type ?? '') || (field !== undefined && hidden.has(`${type}.${field}`));
};

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** Why an announcement does not cover the change, or undefined when it does. */
function uncovered(entry: ChangelogEntry | undefined, today: string): string | undefined {
  if (!entry) return 'not announced in the changelog';
  if (daysBetween(entry.deprecatedSince, entry.removableAfter) < MIN_DEPRECATION_DAYS) {
    return `deprecation period ${entry.deprecatedSince}..${entry.removableAfter} is shorter than ${MIN_DEPRECATION_DAYS} days`;
  }
  if (today <= entry.removableAfter) return `announced, but removable only after ${entry.removableAfter}`;
  return undefined;
}

/** Compares every subgraph's schema with its last release and weighs each breaking change against its changelog. */
export async function checkSchemaChanges(options: CheckSchemaChangesOptions): Promise<SchemaCheck> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const result: SchemaCheck = { refused: [], announced: [], dangerous: [] };
  const released = readdirSync(options.releasedDir)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => path.basename(file, '.graphql'));
  for (const subgraph of released) {
    const changelog = readChangelog(options.changelogDir, subgraph);
    const sdl = options.current.get(subgraph);
    if (sdl === undefined) {
      const change = { subgraph, change: 'SUBGRAPH_REMOVED', path: subgraph, message: `Subgraph '${subgraph}' is no longer composed` };
      const why = uncovered(
        changelog.entries.find((entry) => entry.path === subgraph),
        today,
      );
      if (why) result.refused.push({ ...change, why });
      else result.announced.push(change);
      continue;
    }
    const releasedSdl = parse(readFileSync(path.join(options.releasedDir, `${subgraph}.graphql`), 'utf8'));
    const hidden = hiddenFromClients(releasedSdl);
    for (const change of await diff(buildASTSchema(releasedSdl, { assumeValidSDL: true }), buildSubgraphSchema(sdl))) {
      const found = { subgraph, change: change.type, path: change.path ?? '', message: change.message };
      if (!isBreaking(change) || touchesHidden(hidden, found.path)) {
        if (change.criticality.level === CriticalityLevel.Dangerous) result.dangerous.push(found);
        continue;
      }
      const entry = changelog.entries.find((candidate) => candidate.path === found.path && (candidate.change ?? found.change) === found.change);
      const why = uncovered(entry, today);
      if (why) result.refused.push({ ...found, why });
      else result.announced.push(found);
    }
  }
  return result;
}
