import { Prisma } from './generated/prisma/client';
import { checkSchemaName } from './schemaName';

/** Whose residents a placement covers: one community, some grids, or (neither given) the whole street. */
export interface PlacementScope {
  community: string | null;
  grids: readonly string[];
}

/**
 * The raw SQL behind the analysts' statistics: each is one statement over the whole
 * database, so a key-set request costs one query per question, whatever the street's size.
 */
export function statisticsQueries(schema: string) {
  checkSchemaName(schema);
  const table = (name: string) => Prisma.raw(`"${schema}"."${name}"`);

  return {
    /**
     * `[label, canonical ID]` pairs of the residents carrying any of `labels`, and how many
     * resident rows hold a stored ID that matches no one (those are in no key set).
     */
    categoryMembers(labels: readonly string[]) {
      return Prisma.sql`
        SELECT (SELECT count(*) FROM ${table('resident')} WHERE canonical_citizen_id IS NULL)::integer AS unresolved,
               (SELECT COALESCE(json_agg(json_build_array(c.category, r.canonical_citizen_id)), '[]'::json)
                FROM ${table('resident_category')} c
                JOIN ${table('resident')} r ON r.id = c.resident_id
                WHERE c.category = ANY(${labels}::text[]) AND r.canonical_citizen_id IS NOT NULL) AS members`;
    },

    /**
     * One row per canonical ID placed in `scope`, with its grid, community and dwelling. A
     * person surveyed twice is placed by their first row, as the jurisdiction index places
     * them (resident_placement), and only then is the scope applied, so placement and
     * jurisdiction checks never disagree.
     */
    placements(scope: PlacementScope) {
      const inScope =
        scope.community !== null
          ? Prisma.sql`"communityId" = ${scope.community}`
          : scope.grids.length > 0
            ? Prisma.sql`"gridId" = ANY(${[...scope.grids]}::text[])`
            : Prisma.sql`TRUE`;
      return Prisma.sql`
        WITH placed AS (
          SELECT DISTINCT ON (r.canonical_citizen_id)
                 r.canonical_citizen_id AS "citizenId", b.grid_id AS "gridId", g.community_id AS "communityId", r.household_id AS "householdId"
          FROM ${table('resident')} r
          JOIN ${table('household')} h ON h.id = r.household_id
          JOIN ${table('building')} b ON b.id = h.building_id
          JOIN ${table('grid')} g ON g.id = b.grid_id
          WHERE r.canonical_citizen_id IS NOT NULL
          ORDER BY r.canonical_citizen_id, r.id
        )
        SELECT "citizenId", "gridId", "communityId", "householdId" FROM placed WHERE ${inScope}`;
    },
  };
}
