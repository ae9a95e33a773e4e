import { createHash } from 'node:crypto';
import { z } from 'zod';
import { loadSettings } from './loadSettings';

/**
 * `PG_PREPARED_STATEMENTS=on` names statements (the stack sets it for its services, over a
 * PostgreSQL server and over its embedded PGlite, whose socket lets every client use what
 * one prepared: tools/stack `shareNamedStatements`). Off by default: behind a plain PGlite
 * socket every client shares one session, where a name one connection prepared is already
 * taken for the next.
 */
const { PG_PREPARED_STATEMENTS } = loadSettings('postgres statements', { PG_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('off') });

/** Distinct statements named per process; past them a statement goes unnamed. */
const MOST_NAMED = 128;
const names = new Map<string, string>();

/**
 * A name for `sql` under which `pg` prepares it once per connection and then only binds and
 * executes it: PostgreSQL parses and plans an unnamed statement on every call, and planning a
 * jurisdiction lookup took ten times as long as running it (docs/performance.md). The name
 * is the text's digest, so one name never stands for two texts. Prepared statements live as
 * long as their connection, so only the first `MOST_NAMED` texts are named — a query whose
 * text varies with its input (Prisma writes `IN ($1, …)` with one parameter a value) cannot
 * fill the server's memory — and the rest get '' (unnamed).
 */
export function statementName(sql: string): string {
  if (PG_PREPARED_STATEMENTS !== 'on') return '';
  const known = names.get(sql);
  if (known !== undefined) return known;
  if (names.size >= MOST_NAMED) return '';
  const name = `rg_${createHash('sha256').update(sql).digest('base64url').slice(0, 22)}`;
  names.set(sql, name);
  return name;
}

/**
 * What a `pg` connection whose statements are named connects with: generic plans, made once
 * per statement and connection. By default PostgreSQL plans a prepared statement anew for
 * each of its first five runs and goes on doing so while its generic plan looks dearer than
 * the custom ones — always, for a lookup of `unnest($1::text[])`, which a generic plan takes
 * for a hundred keys and a custom one for the one or two given — so naming alone spared no
 * planning (docs/performance.md). Our named statements are key lookups whose best plan does
 * not depend on the keys; the query-plan tests check their generic plans. Nothing when
 * statements go unnamed (PGlite).
 */
export const namedStatementSettings: { options?: string } = PG_PREPARED_STATEMENTS === 'on' ? { options: '-c plan_cache_mode=force_generic_plan' } : {};

/** A `pg` query config naming its statement (see `statementName`). */
export const preparedQuery = (text: string, values: unknown[]): { name: string; text: string; values: unknown[] } => ({
  name: statementName(text),
  text,
  values,
});
