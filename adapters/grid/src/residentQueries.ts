import { Prisma } from './generated/prisma/client';

/**
 * The raw SQL behind `lookup` and the roster: each is one statement answering one row
 * whose `rows` column is a JSON list of `ResidentRow`s (see residentRows.ts); the roster's
 * row also carries its size and the page's row ids in order.
 *
 * Rows whose stored ID cannot be matched (canonical_citizen_id IS NULL, a small indexed
 * set) come along when they could be a mistyped ID of a resident asked for: a single
 * mistyped character leaves either the first or the last nine characters intact.
 */
export function residentQueries(schema: string) {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error(`unsafe schema name "${schema}"`);
  const table = (name: string) => Prisma.raw(`"${schema}"."${name}"`);

  const records = Prisma.sql`
    SELECT r.id, r.citizen_id AS "storedId", r.name AS "nameOnRecord", r.household_id AS "householdId",
           h.address, h.building_id AS "buildingId", b.grid_id AS "gridId", g.community_id AS "communityId",
           ARRAY(SELECT c.category FROM ${table('resident_category')} c WHERE c.resident_id = r.id ORDER BY c.category) AS categories
    FROM ${table('resident')} r
    JOIN ${table('household')} h ON h.id = r.household_id
    JOIN ${table('building')} b ON b.id = h.building_id
    JOIN ${table('grid')} g ON g.id = b.grid_id`;

  return {
    lookup(citizenIds: readonly string[]) {
      const prefixes = citizenIds.map((id) => id.slice(0, 9));
      const suffixes = citizenIds.map((id) => id.slice(9));
      return Prisma.sql`
        SELECT COALESCE(json_agg(rec), '[]'::json) AS rows FROM (${records}
          WHERE r.canonical_citizen_id = ANY(${citizenIds}::text[])
             OR (r.canonical_citizen_id IS NULL
                 AND (left(upper(r.citizen_id), 9) = ANY(${prefixes}::text[]) OR right(upper(r.citizen_id), 9) = ANY(${suffixes}::text[])))
        ) rec`;
    },

    /** The page (`limit` rows after row `afterRowId`, by row id) and the roster's size. */
    roster(gridId: string, afterRowId: number, limit: number) {
      return Prisma.sql`
        WITH roster AS MATERIALIZED (
          SELECT r.id, r.canonical_citizen_id
          FROM ${table('resident')} r
          JOIN ${table('household')} h ON h.id = r.household_id
          JOIN ${table('building')} b ON b.id = h.building_id
          WHERE b.grid_id = ${gridId} AND r.canonical_citizen_id IS NOT NULL
        ), page AS (
          SELECT id, canonical_citizen_id FROM roster WHERE id > ${afterRowId} ORDER BY id LIMIT ${limit}
        )
        SELECT (SELECT count(*) FROM roster)::integer AS total,
               (SELECT COALESCE(array_agg(id ORDER BY id), '{}') FROM page) AS "pageRowIds",
               (SELECT COALESCE(json_agg(rec), '[]'::json) FROM (${records}
                  WHERE r.id IN (SELECT id FROM page)
                     OR (r.canonical_citizen_id IS NULL
                         AND (left(upper(r.citizen_id), 9) IN (SELECT left(canonical_citizen_id, 9) FROM page)
                              OR right(upper(r.citizen_id), 9) IN (SELECT right(canonical_citizen_id, 9) FROM page)))
               ) rec) AS rows`;
    },
  };
}
export type ResidentQueries = ReturnType<typeof residentQueries>;
