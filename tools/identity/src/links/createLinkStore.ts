import path from 'node:path';
import { Pool, type PoolClient } from 'pg';
import { inTransaction, migrateDatabase } from '@resident-graph/adapter-kit';
import { namedStatementSettings, preparedQuery } from '@resident-graph/service-kit';
import type { Department } from '@resident-graph/schemas';
import { LinkDecisionError } from './LinkDecisionError';
import type { CandidateState, LinkAction, LinkDecisionInput, LinkStore, NameVariant, ResidentLinks, StoredCandidate } from './LinkStore';

export const DEFAULT_LINK_SCHEMA = 'identity';
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const MIGRATIONS = path.join(__dirname, '..', '..', 'migrations');
/** Rows per insert of a batch run: large enough to keep round trips few, small enough for one statement's parameters. */
const INSERT_CHUNK = 2000;

export interface LinkStoreOptions {
  databaseUrl: string;
  /** @default 'identity' */
  schema?: string;
  /** @default 2 */
  poolSize?: number;
}

/** Creates the schema and applies the migrations not yet applied; safe on every start, by several services at once. */
export async function prepareLinkStore({ databaseUrl, schema = DEFAULT_LINK_SCHEMA }: LinkStoreOptions): Promise<string[]> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`link store schema "${schema}" is not a plain lower-case identifier`);
  return migrateDatabase({ databaseUrl, schema, migrationsDir: MIGRATIONS, lockName: `resident-graph identity migrations ${schema}` });
}

interface CandidateRow {
  department: Department;
  stored_id: string;
  resident_id: string;
  record_reference: string;
  name_on_record: string | null;
  grade: StoredCandidate['grade'];
  evidence: StoredCandidate['evidence'];
  reason: string;
  state: CandidateState;
  decided_by: string | null;
  decided_at: Date | null;
}

const toCandidate = (row: CandidateRow): StoredCandidate => ({
  department: row.department,
  storedId: row.stored_id,
  residentId: row.resident_id,
  recordReference: row.record_reference,
  nameOnRecord: row.name_on_record,
  grade: row.grade,
  evidence: row.evidence,
  reason: row.reason,
  state: row.state,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
});

/** The PostgreSQL error a unique index raises: another session linked the record first. */
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * What `residentLinksOf` asks ($1 a department, $2 resident IDs): a resident's linked and open
 * candidates and name variants, by the tables' `(department, resident_id)` indexes. The IDs
 * are compared as the column's `char(18)`: compared as text, the column would be cast for
 * every row and only the department could be looked up, reading every row of the department
 * (a district's 1,800 labour links for each lookup).
 */
export function residentLinksStatement(schema: string): string {
  const candidates = `"${schema}".record_candidate`;
  const candidateColumns = 'department, stored_id, resident_id, record_reference, name_on_record, grade, evidence, reason, state, decided_by, decided_at';
  return `SELECT 'linked' AS part, ${candidateColumns}, NULL AS registered_name FROM ${candidates}
      WHERE department = $1 AND resident_id = ANY($2::bpchar[]) AND state = 'LINKED'
    UNION ALL
    SELECT 'open', ${candidateColumns}, NULL FROM ${candidates} c
      WHERE department = $1 AND resident_id = ANY($2::bpchar[]) AND state = 'PENDING'
        AND NOT EXISTS (SELECT 1 FROM ${candidates} o WHERE o.department = c.department AND o.stored_id = c.stored_id AND o.state = 'LINKED')
    UNION ALL
    SELECT 'nameVariants', department, stored_id, resident_id, record_reference, name_on_record, NULL, NULL, NULL, NULL, NULL, NULL, registered_name
      FROM "${schema}".name_variant WHERE department = $1 AND resident_id = ANY($2::bpchar[])
    ORDER BY part, stored_id`;
}

/**
 * The link table in PostgreSQL (`migrations/`). Decisions lock the record's candidate rows
 * (`FOR UPDATE`) so two sessions deciding on one record take turns, and the partial unique
 * index keeps a record linked to one resident at most even if they did not.
 */
export function createLinkStore({ databaseUrl, schema = DEFAULT_LINK_SCHEMA, poolSize = 2 }: LinkStoreOptions): LinkStore {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`link store schema "${schema}" is not a plain lower-case identifier`);
  // Every department subgraph holds one, beside its other pools, on a server with 100 connections in all: let go when idle.
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize, idleTimeoutMillis: 1_000, ...namedStatementSettings });
  // Tables named with their schema: the embedded PGlite ignores a search_path given at connection start.
  const candidates = `"${schema}".record_candidate`;
  const decisions = `"${schema}".record_link_decision`;
  const nameVariants = `"${schema}".name_variant`;
  const linksStatement = residentLinksStatement(schema);
  const select = `SELECT department, stored_id, resident_id, record_reference, name_on_record, grade, evidence, reason, state, decided_by, decided_at FROM ${candidates}`;

  async function recordOf(client: PoolClient, { department, storedId, residentId }: LinkDecisionInput) {
    const { rows } = await client.query<CandidateRow>(`${select} WHERE department = $1 AND stored_id = $2 ORDER BY resident_id FOR UPDATE`, [
      department,
      storedId,
    ]);
    const target = rows.find((row) => row.resident_id === residentId);
    if (!target) throw new LinkDecisionError('NOT_A_CANDIDATE', `resident ${residentId} is not a candidate for ${department} record ${storedId}`);
    return { target, linkedElsewhere: rows.find((row) => row.state === 'LINKED' && row.resident_id !== residentId) };
  }

  async function decide(client: PoolClient, input: LinkDecisionInput, action: LinkAction, state: CandidateState): Promise<StoredCandidate> {
    const { rows } = await client.query<CandidateRow>(
      `UPDATE ${candidates}
       SET state = $4, decided_by = CASE WHEN $4 = 'PENDING' THEN NULL ELSE $5 END, decided_at = CASE WHEN $4 = 'PENDING' THEN NULL ELSE now() END
       WHERE department = $1 AND stored_id = $2 AND resident_id = $3
       RETURNING department, stored_id, resident_id, record_reference, name_on_record, grade, evidence, reason, state, decided_by, decided_at`,
      [input.department, input.storedId, input.residentId, state, input.decidedBy],
    );
    const updated = rows[0]!;
    await client.query(`INSERT INTO ${decisions} (department, stored_id, resident_id, action, grade, decided_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      input.department,
      input.storedId,
      input.residentId,
      action,
      updated.grade,
      input.decidedBy,
    ]);
    return toCandidate(updated);
  }

  /** A decision in its own transaction; a unique-index refusal (a concurrent link) is a conflict like any other. */
  async function decision(input: LinkDecisionInput, work: (client: PoolClient) => Promise<StoredCandidate>): Promise<StoredCandidate> {
    try {
      return await inTransaction(pool, work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new LinkDecisionError('LINK_CONFLICT', `${input.department} record ${input.storedId} was linked by another session`);
      throw error;
    }
  }

  return {
    async recordMatches(department, records, decidedBy) {
      let added = 0;
      let linked = 0;
      for (let start = 0; start < records.length; start += INSERT_CHUNK) {
        const chunk = records.slice(start, start + INSERT_CHUNK).flatMap((record) => record.candidates.map((candidate) => ({ record, candidate })));
        if (chunk.length === 0) continue;
        const column = <T>(pick: (row: (typeof chunk)[number]) => T) => chunk.map(pick);
        await inTransaction(pool, async (client) => {
          const inserted = await client.query(
            `INSERT INTO ${candidates} (department, stored_id, resident_id, record_reference, name_on_record, grade, evidence, reason)
             SELECT $1, stored_id, resident_id, record_reference, name_on_record, grade, evidence::jsonb, reason
             FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
               AS input(stored_id, resident_id, record_reference, name_on_record, grade, evidence, reason)
             ON CONFLICT (department, stored_id, resident_id) DO NOTHING`,
            [
              department,
              column(({ record }) => record.storedId),
              column(({ candidate }) => candidate.residentId),
              column(({ record }) => record.recordReference),
              column(({ record }) => record.nameOnRecord),
              column(({ candidate }) => candidate.grade),
              column(({ candidate }) => JSON.stringify(candidate.evidence)),
              column(({ candidate }) => candidate.reason),
            ],
          );
          added += inserted.rowCount ?? 0;
          const links = await client.query(
            `WITH certain AS (
               UPDATE ${candidates} c SET state = 'LINKED', decided_by = $3, decided_at = now()
               WHERE c.department = $1 AND c.stored_id = ANY($2::text[]) AND c.grade = 'CERTAIN' AND c.state = 'PENDING'
                 AND NOT EXISTS (SELECT 1 FROM ${candidates} o WHERE o.department = c.department AND o.stored_id = c.stored_id AND o.state <> 'PENDING')
                 AND NOT EXISTS (SELECT 1 FROM ${decisions} d WHERE d.department = c.department AND d.stored_id = c.stored_id AND d.resident_id = c.resident_id AND d.action = 'UNDO')
               RETURNING c.department, c.stored_id, c.resident_id, c.grade)
             INSERT INTO ${decisions} (department, stored_id, resident_id, action, grade, decided_by)
             SELECT department, stored_id, resident_id, 'AUTO_LINK', grade, $3 FROM certain`,
            [department, [...new Set(column(({ record }) => record.storedId))], decidedBy],
          );
          linked += links.rowCount ?? 0;
        });
      }
      return { added, linked };
    },

    async recordNameVariants(variants) {
      if (variants.length === 0) return 0;
      const column = <T>(pick: (variant: NameVariant) => T) => variants.map(pick);
      const inserted = await pool.query(
        `INSERT INTO ${nameVariants} (department, stored_id, resident_id, record_reference, name_on_record, registered_name)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
         ON CONFLICT (department, stored_id, resident_id) DO NOTHING`,
        [
          column((variant) => variant.department),
          column((variant) => variant.storedId),
          column((variant) => variant.residentId),
          column((variant) => variant.recordReference),
          column((variant) => variant.nameOnRecord),
          column((variant) => variant.registeredName),
        ],
      );
      return inserted.rowCount ?? 0;
    },

    async linkedStoredIds(department) {
      const { rows } = await pool.query<{ stored_id: string; resident_id: string }>(
        `SELECT stored_id, resident_id FROM ${candidates} WHERE department = $1 AND state = 'LINKED'`,
        [department],
      );
      return new Map(rows.map((row) => [row.stored_id, row.resident_id]));
    },

    async residentsWithRecords(department) {
      const { rows } = await pool.query<{ resident_id: string }>(
        `SELECT resident_id FROM ${candidates} WHERE department = $1 AND state IN ('LINKED', 'PENDING')
         UNION SELECT resident_id FROM ${nameVariants} WHERE department = $1`,
        [department],
      );
      return rows.map((row) => row.resident_id);
    },

    async analyze() {
      await pool.query(`ANALYZE ${candidates}; ANALYZE ${decisions}; ANALYZE ${nameVariants}`);
    },

    async residentLinksOf(department, residentIds) {
      const { rows } = await pool.query<CandidateRow & { part: keyof ResidentLinks; registered_name: string | null }>(
        preparedQuery(linksStatement, [department, [...residentIds]]),
      );
      const links: ResidentLinks = { linked: [], open: [], nameVariants: [] };
      for (const row of rows) {
        if (row.part === 'nameVariants') {
          links.nameVariants.push({
            department,
            storedId: row.stored_id,
            residentId: row.resident_id,
            recordReference: row.record_reference,
            nameOnRecord: row.name_on_record!,
            registeredName: row.registered_name!,
          });
        } else links[row.part].push(toCandidate(row));
      }
      return links;
    },

    async candidatesOf(department, storedId) {
      const { rows } = await pool.query<CandidateRow>(`${select} WHERE department = $1 AND stored_id = $2 ORDER BY resident_id`, [department, storedId]);
      return rows.map(toCandidate);
    },

    confirm: (input) =>
      decision(input, async (client) => {
        const { target, linkedElsewhere } = await recordOf(client, input);
        if (target.state === 'LINKED')
          throw new LinkDecisionError('LINK_CONFLICT', `${input.department} record ${input.storedId} is already linked to this resident`);
        if (linkedElsewhere)
          throw new LinkDecisionError('LINK_CONFLICT', `${input.department} record ${input.storedId} is linked to another resident; undo that link first`);
        if (target.state === 'REJECTED') throw new LinkDecisionError('LINK_CONFLICT', `this candidate was rejected; undo the rejection first`);
        return decide(client, input, 'CONFIRM', 'LINKED');
      }),

    reject: (input) =>
      decision(input, async (client) => {
        const { target } = await recordOf(client, input);
        if (target.state !== 'PENDING')
          throw new LinkDecisionError('LINK_CONFLICT', `this candidate is already ${target.state.toLowerCase()}; undo that first`);
        return decide(client, input, 'REJECT', 'REJECTED');
      }),

    undo: (input) =>
      decision(input, async (client) => {
        const { target } = await recordOf(client, input);
        if (target.state === 'PENDING') throw new LinkDecisionError('LINK_CONFLICT', 'nothing to undo: this candidate is pending');
        return decide(client, input, 'UNDO', 'PENDING');
      }),

    async decisionsOf(department, storedId) {
      const { rows } = await pool.query<{ resident_id: string; action: LinkAction; grade: StoredCandidate['grade']; decided_by: string; decided_at: Date }>(
        `SELECT resident_id, action, grade, decided_by, decided_at FROM ${decisions} WHERE department = $1 AND stored_id = $2 ORDER BY seq`,
        [department, storedId],
      );
      return rows.map((row) => ({ residentId: row.resident_id, action: row.action, grade: row.grade, decidedBy: row.decided_by, decidedAt: row.decided_at }));
    },

    close: () => pool.end(),
  };
}
