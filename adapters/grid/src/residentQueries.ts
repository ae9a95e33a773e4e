import { Prisma } from './generated/prisma/client';
import { checkSchemaName } from './schemaName';
import type { PlacementScope } from './statisticsQueries';

/**
 * The raw SQL behind `lookup`, the roster and the search by name: each is one statement
 * answering one row whose `rows` column is a JSON list of `ResidentRow`s (see
 * residentRows.ts); the roster's and the search's row also carry the page's row ids in
 * order, the roster's its size.
 *
 * Rows whose stored ID cannot be matched (canonical_citizen_id IS NULL, a small indexed
 * set) come along when they could be a mistyped ID of a resident asked for. One mistyped
 * character leaves two of the ID's three six-character thirds intact, so such a row shares
 * one of three twelve-character keys with that resident; the caller then checks exactly.
 *
 * The records are fetched by `id = ANY(ARRAY(…))`: as `id IN (subquery)` the planner could
 * not tell a page's hundred ids from the whole table and read every resident row to join them.
 */
export function residentQueries(schema: string) {
  checkSchemaName(schema);
  const table = (name: string) => Prisma.raw(`"${schema}"."${name}"`);
  const stored = Prisma.raw('upper(r.citizen_id)');
  const keys = {
    head: Prisma.sql`left(${stored}, 12)`,
    ends: Prisma.sql`left(${stored}, 6) || right(${stored}, 6)`,
    tail: Prisma.sql`right(${stored}, 12)`,
  };

  const records = (rowIds: Prisma.Sql) => Prisma.sql`
    SELECT COALESCE(json_agg(rec), '[]'::json) FROM (
      SELECT r.id, r.citizen_id AS "storedId", r.name AS "nameOnRecord", r.household_id AS "householdId",
             h.address, h.building_id AS "buildingId", b.grid_id AS "gridId", g.community_id AS "communityId",
             ARRAY(SELECT c.category FROM ${table('resident_category')} c WHERE c.resident_id = r.id ORDER BY c.category) AS categories
      FROM ${table('resident')} r
      JOIN ${table('household')} h ON h.id = r.household_id
      JOIN ${table('building')} b ON b.id = h.building_id
      JOIN ${table('grid')} g ON g.id = b.grid_id
      WHERE r.id = ANY(ARRAY(${rowIds}))
    ) rec`;

  // A page's rows (CTE `page`: id, id18, ord) in `ord` order, and the records of them and of the
  // unmatchable rows that could be a mistyped ID of one of them.
  const pageRecords = Prisma.sql`wanted AS (
          SELECT id FROM page
          UNION
          SELECT r.id FROM ${table('resident')} r
          WHERE r.canonical_citizen_id IS NULL
            AND (${keys.head} IN (SELECT left(id18, 12) FROM page)
                 OR ${keys.ends} IN (SELECT left(id18, 6) || right(id18, 6) FROM page)
                 OR ${keys.tail} IN (SELECT right(id18, 12) FROM page))
        )`;
  const pageColumns = Prisma.sql`(SELECT COALESCE(array_agg(id ORDER BY ord), '{}') FROM page) AS "pageRowIds",
               (${records(Prisma.sql`SELECT id FROM wanted`)}) AS rows`;

  return {
    lookup(citizenIds: readonly string[]) {
      const head = citizenIds.map((id) => id.slice(0, 12));
      const ends = citizenIds.map((id) => id.slice(0, 6) + id.slice(12));
      const tail = citizenIds.map((id) => id.slice(6));
      return Prisma.sql`
        WITH wanted AS (
          SELECT r.id FROM ${table('resident')} r WHERE r.canonical_citizen_id = ANY(${citizenIds}::text[])
          UNION
          SELECT r.id FROM ${table('resident')} r
          WHERE r.canonical_citizen_id IS NULL
            AND (${keys.head} = ANY(${head}::text[]) OR ${keys.ends} = ANY(${ends}::text[]) OR ${keys.tail} = ANY(${tail}::text[]))
        )
        SELECT (${records(Prisma.sql`SELECT id FROM wanted`)}) AS rows`;
    },

    /** The page (`limit` rows after row `afterRowId`, by row id) and the roster's size. */
    roster(gridId: string, afterRowId: number, limit: number) {
      return Prisma.sql`
        WITH roster AS MATERIALIZED (
          SELECT r.id, r.canonical_citizen_id AS id18
          FROM ${table('resident')} r
          JOIN ${table('household')} h ON h.id = r.household_id
          JOIN ${table('building')} b ON b.id = h.building_id
          WHERE b.grid_id = ${gridId} AND r.canonical_citizen_id IS NOT NULL
        ), page AS (
          SELECT id, id18, id AS ord FROM roster WHERE id > ${afterRowId} ORDER BY id LIMIT ${limit}
        ), ${pageRecords}
        SELECT (SELECT count(*) FROM roster)::integer AS total, ${pageColumns}`;
    },

    /**
     * Up to `limit` residents placed in `scope` whose surveyed name contains `name`: exact
     * names first, then by name. A resident is placed by their first surveyed row, as the
     * jurisdiction index places them (resident_placement), and matched on that row's name,
     * so the search and every jurisdiction check agree on where someone lives.
     */
    byName(name: string, scope: PlacementScope, limit: number) {
      const inScope =
        scope.community !== null
          ? Prisma.sql`g.community_id = ${scope.community}`
          : scope.grids.length > 0
            ? Prisma.sql`b.grid_id = ANY(${[...scope.grids]}::text[])`
            : Prisma.sql`TRUE`;
      return Prisma.sql`
        WITH page AS (
          SELECT r.id, r.canonical_citizen_id AS id18, row_number() OVER (ORDER BY r.name = ${name} DESC, r.name, r.canonical_citizen_id) AS ord
          FROM ${table('resident')} r
          JOIN ${table('household')} h ON h.id = r.household_id
          JOIN ${table('building')} b ON b.id = h.building_id
          JOIN ${table('grid')} g ON g.id = b.grid_id
          WHERE r.canonical_citizen_id IS NOT NULL AND ${inScope} AND strpos(r.name, ${name}) > 0
            AND NOT EXISTS (SELECT 1 FROM ${table('resident')} earlier WHERE earlier.canonical_citizen_id = r.canonical_citizen_id AND earlier.id < r.id)
          ORDER BY ord
          LIMIT ${limit}
        ), ${pageRecords}
        SELECT ${pageColumns}`;
    },
  };
}
