import { DepartmentError } from '@resident-graph/adapter-kit';
import { z } from 'zod';
import { Prisma, type PrismaClient } from './generated/prisma/client';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const reviewRow = z.object({ reviewNumber: z.number().int(), citizenId: z.string(), reason: z.string(), registeredOn: isoDate, statusCode: z.string() });

const rowsSchema = z.object({
  /** Each membership with its case's kind and the case's reviews in number order. */
  members: z.array(
    z.object({
      caseNumber: z.string(),
      citizenId: z.string(),
      name: z.string(),
      statusCode: z.string(),
      since: isoDate,
      amountFen: z.number().int(),
      kindCode: z.string(),
      reviews: z.array(reviewRow),
    }),
  ),
  certificates: z.array(
    z.object({ certificateNumber: z.string(), citizenId: z.string(), name: z.string(), categoryCode: z.string(), gradeCode: z.string(), issuedOn: isoDate }),
  ),
  elderlyAllowances: z.array(
    z.object({ paymentNumber: z.string(), citizenId: z.string(), name: z.string(), since: isoDate, amountYuan: z.number(), stoppedOn: isoDate.nullable() }),
  ),
  veteranBenefits: z.array(
    z.object({
      certificateNumber: z.string(),
      citizenId: z.string(),
      name: z.string(),
      categoryCode: z.string(),
      categoryName: z.string(),
      recognisedOn: isoDate,
    }),
  ),
  marriages: z.array(
    z.object({
      certificateNumber: z.string(),
      kindCode: z.string(),
      registeredOn: isoDate,
      husbandId: z.string().nullable(),
      husbandName: z.string(),
      wifeId: z.string().nullable(),
      wifeName: z.string(),
    }),
  ),
});

/** The bureau's rows as read, before any mapping onto the canonical model; dates as `YYYY-MM-DD`. */
export type CivilAffairsRows = z.infer<typeof rowsSchema>;
export type AssistanceReviewRow = z.infer<typeof reviewRow>;

/**
 * The statement of a lookup: every table's rows keyed by the stored IDs `$1`, as one JSON
 * object, so a lookup is one round trip and one plan instead of a transaction of six
 * queries (the cases and reviews joined in). Rows come in key order, so a person with two
 * rows of a one-per-person fact gets the same one every time.
 *
 * Each table is probed ID by ID through its index (LATERAL; OFFSET 0 keeps the planner from
 * merging the probe into one scan): as `sfzh = ANY($1)` the plan a server makes once for
 * the named statement read every row of the small tables and compared it with every ID
 * asked for (5.4 ms for a roster page's hundred on `pilot`).
 */
export function lookupStatement(schema: string, storedIds: readonly string[]): Prisma.Sql {
  const table = (name: string) => Prisma.raw(`"${schema}".${name}`);
  const day = (column: string) => Prisma.raw(`to_char(${column}, 'YYYY-MM-DD')`);
  const ids = Prisma.sql`${[...storedIds]}::text[]`;
  // The rows of `name` held under the IDs, as `alias`.
  const heldUnder = (name: string, alias: string) =>
    Prisma.sql`(SELECT DISTINCT unnest(${ids})) AS wanted(id), LATERAL (SELECT * FROM ${table(name)} WHERE sfzh = wanted.id OFFSET 0) AS ${Prisma.raw(alias)}`;
  const list = (rows: Prisma.Sql) => Prisma.sql`(SELECT COALESCE(json_agg(row_to_json(t)), '[]'::json) FROM (${rows}) t)`;
  return Prisma.sql`SELECT json_build_object(
    'members', ${list(Prisma.sql`
      SELECT m.ajbh AS "caseNumber", m.sfzh AS "citizenId", m.xm AS name, m.cyzt AS "statusCode", ${day('m.nrrq')} AS since,
             m.bzje AS "amountFen", (SELECT c.jzlx FROM ${table('jzaj')} c WHERE c.ajbh = m.ajbh) AS "kindCode",
             (SELECT COALESCE(json_agg(row_to_json(r) ORDER BY r."reviewNumber"), '[]'::json) FROM (
                SELECT f.fcxh AS "reviewNumber", f.sfzh AS "citizenId", f.fcyy AS reason, ${day('f.djrq')} AS "registeredOn", f.fczt AS "statusCode"
                FROM ${table('jzfc')} f WHERE f.ajbh = m.ajbh) r) AS reviews
      FROM ${heldUnder('jzcy', 'm')}
      ORDER BY m.ajbh, m.cyxh`)},
    'certificates', ${list(Prisma.sql`
      SELECT czh AS "certificateNumber", sfzh AS "citizenId", xm AS name, cjlb AS "categoryCode", cjdj AS "gradeCode", ${day('fzrq')} AS "issuedOn"
      FROM ${heldUnder('cjrz', 'r')} ORDER BY czh`)},
    'elderlyAllowances', ${list(Prisma.sql`
      SELECT ffbh AS "paymentNumber", sfzh AS "citizenId", xm AS name, ${day('ksrq')} AS since, yje AS "amountYuan", ${day('tfrq')} AS "stoppedOn"
      FROM ${heldUnder('gljt', 'r')} ORDER BY ffbh`)},
    'veteranBenefits', ${list(Prisma.sql`
      SELECT yfzh AS "certificateNumber", sfzh AS "citizenId", xm AS name, yflb AS "categoryCode", yflbmc AS "categoryName", ${day('rdrq')} AS "recognisedOn"
      FROM ${heldUnder('yfdx', 'r')} ORDER BY yfzh`)},
    'marriages', ${list(Prisma.sql`
      SELECT djzh AS "certificateNumber", djlx AS "kindCode", ${day('djrq')} AS "registeredOn",
             nfsfzh AS "husbandId", nfxm AS "husbandName", nvsfzh AS "wifeId", nvxm AS "wifeName"
      FROM ${table('hydj')} WHERE nfsfzh = ANY(${ids}) OR nvsfzh = ANY(${ids}) ORDER BY djzh`)}
  ) AS rows`;
}

/** Every table's rows keyed by these exact stored forms, in one statement; a malformed answer is the bureau's bad response. */
export async function readCivilAffairsRows(prisma: PrismaClient, schema: string, storedIds: readonly string[]): Promise<CivilAffairsRows> {
  const [answer] = await prisma.$queryRaw<{ rows: unknown }[]>(lookupStatement(schema, storedIds));
  const parsed = rowsSchema.safeParse(answer?.rows);
  if (!parsed.success) throw new DepartmentError('DEPARTMENT_BAD_RESPONSE', 'civil-affairs', `malformed rows: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
