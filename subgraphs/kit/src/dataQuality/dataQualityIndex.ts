import { createHash } from 'node:crypto';
import path from 'node:path';
import { Pool } from 'pg';
import { inTransaction, runSqlMigrations } from '@resident-graph/adapter-kit';
import { namedStatementSettings, preparedQuery } from '@resident-graph/service-kit';
import type { DataQualityIssue, DataQualityIssueKind, Department, DepartmentId, LinkGrade } from '@resident-graph/schemas';
import { GraphQLError } from 'graphql';
import { plainSchemaName } from '../schemaName';
import type { IssueViews } from './issueViews';

/** One department's issues, all of them, with what each audience may see of them. */
export interface Publication {
  department: DepartmentId;
  views: IssueViews;
  issues: ReadonlyMap<string, readonly DataQualityIssue[]>;
}

export interface IndexedIssue {
  issue: DataQualityIssue;
  /** The publishing department's views of its issues. */
  views: IssueViews;
}

/**
 * Where the departments' data-quality issues are, by resident, in the street's database:
 * each department publishes its own (`publishDataQuality`), public security reads them for
 * `Resident.dataQualityIssues`. Like the jurisdiction index, it is read by key and never
 * from anything a request carries.
 */
export interface DataQualityIndex {
  /**
   * Replaces everything `publication.department` published before, in one transaction, a
   * chunk of issues per statement; a publication equal to the last (its digest) only renews
   * `published_at`.
   */
  publish(publication: Publication): Promise<void>;
  /** Citizen ID → the issues published on them (residents without any are absent), in department and lookup order. One query per call. */
  issuesOf(citizenIds: readonly string[]): Promise<Map<string, IndexedIssue[]>>;
  /** The departments that have published, and when. */
  publishers(): Promise<Map<DepartmentId, Date>>;
  close(): Promise<void>;
}

export interface DataQualityIndexOptions {
  databaseUrl: string;
  /** @default 'data_quality' */
  schema?: string;
  /** How long one read may take; a slower one fails the field with `DATA_QUALITY_UNAVAILABLE`. @default 2000 */
  timeoutMs?: number;
  /** Issues written per statement when a publication is written. @default 5000 */
  publishChunk?: number;
}

const PUBLISH_TIMEOUT_MS = 60_000;
/** Issues a publication sends in one statement: a district's, all at once, cost a department's subgraph some 100 MB to serialise. */
const PUBLISH_CHUNK = 5_000;

interface IssueRowToWrite {
  citizenId: string;
  ordinal: number;
  issue: DataQualityIssue;
}

/** The issues as the table's rows, `size` at a time, in publication order. */
function* issueRowChunks(issues: ReadonlyMap<string, readonly DataQualityIssue[]>, size: number): Generator<IssueRowToWrite[]> {
  let chunk: IssueRowToWrite[] = [];
  for (const [citizenId, list] of issues) {
    for (const [ordinal, issue] of list.entries()) {
      chunk.push({ citizenId, ordinal, issue });
      if (chunk.length === size) {
        yield chunk;
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** SHA-256 of a publication's views and issues, in order: equal exactly when the rows it writes would be. */
function publicationDigest(views: IssueViews, issues: ReadonlyMap<string, readonly DataQualityIssue[]>): string {
  const hash = createHash('sha256').update(JSON.stringify(views));
  for (const entry of issues) hash.update(JSON.stringify(entry));
  return hash.digest('hex');
}
const MIGRATIONS_DIR = path.join(__dirname, '..', '..', 'migrations', 'data-quality');

const checkedSchema = (schema: string) => plainSchemaName('data-quality', schema);

/** Creates or upgrades the index's tables (the stack runs this before any subgraph starts). */
export async function prepareDataQualityIndex({ databaseUrl, schema = 'data_quality' }: DataQualityIndexOptions): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await runSqlMigrations(pool, checkedSchema(schema), MIGRATIONS_DIR);
  } finally {
    await pool.end();
  }
}

interface IssueRow {
  citizen_id: string;
  department: Department;
  kind: DataQualityIssueKind;
  stored_id: string;
  record_reference: string;
  name_on_record: string | null;
  grade: LinkGrade | null;
  reason: string | null;
  views: IssueViews;
}

export function createDataQualityIndex({
  databaseUrl,
  schema = 'data_quality',
  timeoutMs = 2_000,
  publishChunk = PUBLISH_CHUNK,
}: DataQualityIndexOptions): DataQualityIndex {
  const name = checkedSchema(schema);
  // Every department subgraph holds one, beside its other pools, on a server with 100 connections in all: few, and let go when idle.
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 2,
    idleTimeoutMillis: 1_000,
    statement_timeout: timeoutMs,
    connectionTimeoutMillis: timeoutMs,
    ...namedStatementSettings,
  });
  return {
    async publish({ department, views, issues }) {
      const digest = publicationDigest(views, issues);
      const rewritten = await inTransaction(pool, async (client) => {
        // A district's issues take longer to replace than a read may wait.
        await client.query(`SET LOCAL statement_timeout TO '${PUBLISH_TIMEOUT_MS}'`);
        const { rows: last } = await client.query<{ digest: string | null }>(`SELECT digest FROM "${name}".publication WHERE department = $1 FOR UPDATE`, [
          department,
        ]);
        if (last[0]?.digest === digest) {
          await client.query(`UPDATE "${name}".publication SET published_at = now() WHERE department = $1`, [department]);
          return false;
        }
        const count = [...issues.values()].reduce((total, list) => total + list.length, 0);
        await client.query(
          `INSERT INTO "${name}".publication (department, views, issue_count, digest, published_at) VALUES ($1, $2, $3, $4, now())
           ON CONFLICT (department) DO UPDATE SET views = EXCLUDED.views, issue_count = EXCLUDED.issue_count, digest = EXCLUDED.digest,
             published_at = EXCLUDED.published_at`,
          [department, JSON.stringify(views), count, digest],
        );
        await client.query(`DELETE FROM "${name}".issue WHERE department = $1`, [department]);
        for (const rows of issueRowChunks(issues, publishChunk)) {
          await client.query(
            `INSERT INTO "${name}".issue (department, citizen_id, ordinal, kind, stored_id, record_reference, name_on_record, grade, reason)
             SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
            [
              department,
              rows.map((row) => row.citizenId),
              rows.map((row) => row.ordinal),
              rows.map((row) => row.issue.kind),
              rows.map((row) => row.issue.storedId),
              rows.map((row) => row.issue.recordReference),
              rows.map((row) => row.issue.nameOnRecord),
              rows.map((row) => row.issue.grade ?? null),
              rows.map((row) => row.issue.reason ?? null),
            ],
          );
        }
        return true;
      });
      if (!rewritten) return;
      // Fresh statistics for the lookups by citizen ID (the embedded PGlite has no autovacuum);
      // after the commit, so publications of other departments do not queue behind it.
      await inTransaction(pool, async (client) => {
        await client.query(`SET LOCAL statement_timeout TO '${PUBLISH_TIMEOUT_MS}'`);
        await client.query(`ANALYZE "${name}".issue`);
      });
    },

    async issuesOf(citizenIds) {
      const found = new Map<string, IndexedIssue[]>();
      if (citizenIds.length === 0) return found;
      let rows: IssueRow[];
      try {
        ({ rows } = await pool.query<IssueRow>(
          preparedQuery(
            `SELECT i.citizen_id, i.department, i.kind, i.stored_id, i.record_reference, i.name_on_record, i.grade, i.reason, p.views
             FROM "${name}".issue i JOIN "${name}".publication p USING (department)
             WHERE i.citizen_id = ANY($1::text[]) ORDER BY i.department, i.ordinal`,
            [citizenIds],
          ),
        ));
      } catch (error) {
        throw new GraphQLError(`data-quality index: ${error instanceof Error ? error.message : String(error)}`, {
          extensions: { code: 'DATA_QUALITY_UNAVAILABLE' },
          originalError: error instanceof Error ? error : undefined,
        });
      }
      for (const row of rows) {
        const issue: DataQualityIssue = {
          department: row.department,
          kind: row.kind,
          storedId: row.stored_id,
          recordReference: row.record_reference,
          nameOnRecord: row.name_on_record,
          ...(row.grade === null ? {} : { grade: row.grade }),
          ...(row.reason === null ? {} : { reason: row.reason }),
        };
        found.set(row.citizen_id, [...(found.get(row.citizen_id) ?? []), { issue, views: row.views }]);
      }
      return found;
    },

    async publishers() {
      const { rows } = await pool.query<{ department: string; published_at: Date }>(`SELECT department, published_at FROM "${name}".publication`);
      return new Map(rows.map((row) => [row.department, row.published_at]));
    },

    close: () => pool.end(),
  };
}
