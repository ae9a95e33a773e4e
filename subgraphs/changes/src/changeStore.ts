import path from 'node:path';
import { Pool, type PoolClient } from 'pg';
import { inTransaction, migrateDatabase } from '@resident-graph/adapter-kit';
import type { DeadlineLight, Department, DeliveryState, ReportedChange } from '@resident-graph/schemas';
import type { Caller, Purpose } from '@resident-graph/trust';
import { LIGHT_RANK } from './deadlines';
import { partiesOf } from './validateChange';

export const DEFAULT_CHANGES_SCHEMA = 'changes';
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const MIGRATIONS = path.join(__dirname, '..', 'migrations');

const plainSchema = (schema: string) => {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`changes schema "${schema}" is not a plain lower-case identifier`);
  return schema;
};

/** Creates the schema and applies the migrations not yet applied; safe on every start, by several processes at once. */
export async function prepareChangeStore({ databaseUrl, schema = DEFAULT_CHANGES_SCHEMA }: { databaseUrl: string; schema?: string }): Promise<string[]> {
  return migrateDatabase({ databaseUrl, schema: plainSchema(schema), migrationsDir: MIGRATIONS, lockName: `resident-graph changes migrations ${schema}` });
}

export interface StoredDelivery {
  id: string;
  department: Department;
  action: string;
  state: DeliveryState;
  reason: string | null;
  attempts: number;
  dueBy: Date;
  deliveredAt: Date | null;
  decidedAt: Date | null;
  /** The earlier report whose delivery to the same department this one waits for (see `heldBehind` in the store); null once queued. */
  heldBehind: string | null;
}

export interface StoredReport {
  id: string;
  change: ReportedChange;
  reporter: Caller;
  gridId: string | null;
  communityId: string | null;
  reportedAt: Date;
  deliveries: StoredDelivery[];
}

/** A report about to be stored: its ids are made before the departments are asked to check it, so checks and deliveries carry the same ones. */
export interface NewReport {
  id: string;
  change: ReportedChange;
  reporter: Caller;
  purpose: Purpose;
  gridId: string | null;
  communityId: string | null;
  reportedAt: Date;
  deliveries: { id: string; department: Department; action: string; dueBy: Date }[];
}

/** Why earlier reports say a change cannot be, or `null`. */
export type Conflict = string | null;

export interface ListFilter {
  department?: Department | null;
  light?: DeadlineLight | null;
  state?: DeliveryState | null;
}

export type DeliveryOutcome = { state: 'ACCEPTED' } | { state: 'REJECTED'; reason: string };

/** A delivery as the queue takes it. */
export interface QueuedDelivery {
  id: string;
  department: string;
}

/** Writes the deliveries' queue jobs on the store's transaction (the queue's `enqueue`). */
export type Enqueue = (client: PoolClient, deliveries: readonly QueuedDelivery[]) => Promise<void>;

interface ReportRow {
  id: string;
  change: ReportedChange;
  reporter: Caller;
  grid_id: string | null;
  community_id: string | null;
  reported_at: Date;
}

interface DeliveryRow {
  id: string;
  report_id: string;
  department: Department;
  action: string;
  state: DeliveryState;
  reason: string | null;
  attempts: number;
  due_by: Date;
  delivered_at: Date | null;
  decided_at: Date | null;
  held_behind: string | null;
}

const toDelivery = (row: DeliveryRow): StoredDelivery => ({
  id: row.id,
  department: row.department,
  action: row.action,
  state: row.state,
  reason: row.reason,
  attempts: row.attempts,
  dueBy: row.due_by,
  deliveredAt: row.delivered_at,
  decidedAt: row.decided_at,
  heldBehind: row.held_behind,
});

export type ChangeStore = ReturnType<typeof createChangeStore>;

/**
 * Reports and their deliveries in PostgreSQL (`migrations/`). A report is stored with its
 * deliveries and whatever `enqueue` writes (the queue's jobs, on the same client) in one
 * transaction: all of it or none.
 */
export function createChangeStore({ databaseUrl, schema = DEFAULT_CHANGES_SCHEMA, poolSize = 2 }: { databaseUrl: string; schema?: string; poolSize?: number }) {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize, idleTimeoutMillis: 1_000 });
  // Tables named with their schema: the embedded PGlite ignores a search_path given at connection start.
  const reports = `"${plainSchema(schema)}".change_report`;
  const parties = `"${schema}".change_party`;
  const deliveries = `"${schema}".change_delivery`;
  // A report still stands while any department has not rejected it.
  const standing = (alias: string) => `EXISTS (SELECT 1 FROM ${deliveries} x WHERE x.report_id = ${alias}.id AND x.state <> 'REJECTED')`;
  /**
   * What the delivery `alias` waits for, or null: the earliest earlier report (by `seq`, the
   * order reports were stored in) that names one of the same residents (`change_party`:
   * subject, spouse, parents) and whose delivery to the same department is not yet decided.
   */
  const heldBehind = (alias: string) => `(
    SELECT earlier.id FROM ${parties} mine
      JOIN ${parties} theirs ON theirs.resident_id = mine.resident_id
      JOIN ${reports} earlier ON earlier.id = theirs.report_id
      JOIN ${deliveries} undecided ON undecided.report_id = earlier.id AND undecided.department = ${alias}.department
        AND undecided.state NOT IN ('ACCEPTED', 'REJECTED')
    WHERE mine.report_id = ${alias}.report_id AND earlier.seq < (SELECT seq FROM ${reports} WHERE id = ${alias}.report_id)
    ORDER BY earlier.seq LIMIT 1)`;
  // Storing a report and deciding a delivery take turns on a lock per department: a report
  // stored while an earlier delivery is decided either sees the decision (and is not held) or
  // is seen by it (and queued by it). Per department, not per resident: a delivery naming two
  // residents may wait for two earlier ones decided at once, and the second must see the first.
  // Reports share it: two that name a resident in common already take turns on its lock.
  const lockDepartments = async (client: PoolClient, departments: readonly string[], mode: 'storing' | 'deciding') => {
    const lock = mode === 'storing' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
    for (const department of [...new Set(departments)].sort()) await client.query(`SELECT ${lock}(hashtext($1))`, [`changes ${schema} order ${department}`]);
  };
  /** Hands deliveries nothing holds back to the queue, on the caller's transaction. */
  async function queueFree(client: PoolClient, free: readonly QueuedDelivery[], at: Date, enqueue: Enqueue): Promise<void> {
    if (free.length === 0) return;
    await client.query(`UPDATE ${deliveries} SET queued_at = $2 WHERE id = ANY($1::uuid[])`, [free.map((delivery) => delivery.id), at]);
    await enqueue(client, free);
  }

  /** Earlier reports that make this change impossible: a second death, a marriage of someone whose last marriage no divorce followed. */
  async function conflictOf(client: Pool | PoolClient, change: ReportedChange): Promise<Conflict> {
    if (change.kind === 'DEATH') {
      const { rows } = await client.query<{ id: string }>(
        `SELECT r.id FROM ${reports} r WHERE r.kind = 'DEATH' AND r.resident_id = $1 AND ${standing('r')} ORDER BY r.reported_at LIMIT 1`,
        [change.residentId],
      );
      if (rows[0]) return `the death of ${change.residentId} was already reported (report ${rows[0].id})`;
    }
    if (change.kind === 'MARRIAGE') {
      const { rows } = await client.query<{ resident_id: string; id: string; occurred_on: string }>(
        `SELECT p.resident_id, r.id, to_char(r.occurred_on, 'YYYY-MM-DD') AS occurred_on
         FROM ${parties} p JOIN ${reports} r ON r.id = p.report_id
         WHERE p.resident_id = ANY($1::text[]) AND r.kind = 'MARRIAGE' AND ${standing('r')}
           AND NOT EXISTS (
             SELECT 1 FROM ${parties} q JOIN ${reports} d ON d.id = q.report_id
             WHERE q.resident_id = p.resident_id AND d.kind = 'DIVORCE' AND d.occurred_on >= r.occurred_on AND d.seq > r.seq AND ${standing('d')})
         ORDER BY p.resident_id LIMIT 1`,
        [partiesOf(change)],
      );
      if (rows[0]) return `${rows[0].resident_id} is married (marriage of ${rows[0].occurred_on}, report ${rows[0].id}, no divorce reported since)`;
    }
    return null;
  }

  async function reportsById(ids: readonly string[]): Promise<StoredReport[]> {
    if (ids.length === 0) return [];
    const [found, delivered] = await Promise.all([
      pool.query<ReportRow>(`SELECT id, change, reporter, grid_id, community_id, reported_at FROM ${reports} WHERE id = ANY($1::uuid[])`, [ids]),
      pool.query<DeliveryRow>(
        `SELECT id, report_id, department, action, state, reason, attempts, due_by, delivered_at, decided_at,
           CASE WHEN queued_at IS NULL THEN ${heldBehind('d')} END AS held_behind
         FROM ${deliveries} d WHERE report_id = ANY($1::uuid[]) ORDER BY position`,
        [ids],
      ),
    ]);
    const byId = new Map(found.rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      return [
        {
          id: row.id,
          change: row.change,
          reporter: row.reporter,
          gridId: row.grid_id,
          communityId: row.community_id,
          reportedAt: row.reported_at,
          deliveries: delivered.rows.filter((delivery) => delivery.report_id === id).map(toDelivery),
        },
      ];
    });
  }

  return {
    conflictOf: (change: ReportedChange) => conflictOf(pool, change),

    /**
     * Stores a report with its deliveries and runs `enqueue` on the same transaction for those
     * no earlier delivery holds back; answers the held ones with the report each waits for.
     * The residents it names are locked for the transaction and the earlier-report rules asked
     * again under the lock, so two reports of one death cannot both pass.
     */
    async insert(report: NewReport, enqueue: Enqueue): Promise<Map<string, string>> {
      return inTransaction(pool, async (client) => {
        for (const party of partiesOf(report.change)) await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`changes ${schema} ${party}`]);
        await lockDepartments(
          client,
          report.deliveries.map((delivery) => delivery.department),
          'storing',
        );
        const conflict = await conflictOf(client, report.change);
        if (conflict) throw new ChangeConflictError(conflict);
        const { change } = report;
        await client.query(
          `INSERT INTO ${reports} (id, kind, resident_id, occurred_on, change, reporter, purpose_code, purpose_reference, grid_id, community_id, reported_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            report.id,
            change.kind,
            change.residentId,
            change.occurredOn,
            JSON.stringify(change),
            JSON.stringify(report.reporter),
            report.purpose.code,
            report.purpose.reference ?? null,
            report.gridId,
            report.communityId,
            report.reportedAt,
          ],
        );
        await client.query(`INSERT INTO ${parties} (report_id, resident_id) SELECT $1, unnest($2::text[])`, [report.id, partiesOf(change)]);
        await client.query(
          `INSERT INTO ${deliveries} (id, report_id, department, position, action, due_by)
           SELECT id, $1, department, position, action, due_by
           FROM unnest($2::uuid[], $3::text[], $4::int[], $5::text[], $6::timestamptz[]) AS input(id, department, position, action, due_by)`,
          [
            report.id,
            report.deliveries.map((delivery) => delivery.id),
            report.deliveries.map((delivery) => delivery.department),
            report.deliveries.map((_delivery, position) => position),
            report.deliveries.map((delivery) => delivery.action),
            report.deliveries.map((delivery) => delivery.dueBy),
          ],
        );
        const { rows } = await client.query<QueuedDelivery & { held_behind: string | null }>(
          `SELECT d.id, d.department, ${heldBehind('d')} AS held_behind FROM ${deliveries} d WHERE d.report_id = $1`,
          [report.id],
        );
        await queueFree(
          client,
          rows.filter((row) => row.held_behind === null).map(({ id, department }) => ({ id, department })),
          report.reportedAt,
          enqueue,
        );
        return new Map(rows.flatMap((row) => (row.held_behind === null ? [] : [[row.id, row.held_behind] as const])));
      });
    },

    async report(id: string): Promise<StoredReport | null> {
      return (await reportsById([id]))[0] ?? null;
    },

    /**
     * The supervisors' list: reports with a delivery matching `filter`, the worst light of
     * their matching deliveries first (the same rule as `lightOf`, here in SQL so the list
     * is ordered and paged by the database), then the earliest deadline.
     */
    async list(filter: ListFilter, now: Date, yellowFraction: number, first: number, offset: number): Promise<{ reports: StoredReport[]; totalCount: number }> {
      const matching = `WITH ranked AS (
           SELECT d.report_id, d.due_by,
             CASE WHEN d.state IN ('ACCEPTED', 'REJECTED') THEN ${LIGHT_RANK.GREEN}
                  WHEN $1::timestamptz > d.due_by THEN ${LIGHT_RANK.RED}
                  WHEN $1::timestamptz >= d.due_by - (d.due_by - r.reported_at) * $2::float8 THEN ${LIGHT_RANK.YELLOW}
                  ELSE ${LIGHT_RANK.GREEN} END AS rank
           FROM ${deliveries} d JOIN ${reports} r ON r.id = d.report_id
           WHERE ($3::text IS NULL OR d.department = $3) AND ($4::text IS NULL OR d.state = $4)
         )
         SELECT report_id, max(rank) AS worst, min(due_by) AS first_due FROM ranked
         WHERE ($5::int IS NULL OR rank = $5)
         GROUP BY report_id`;
      const values = [now, yellowFraction, filter.department ?? null, filter.state ?? null, filter.light ? LIGHT_RANK[filter.light] : null];
      const [page, count] = await Promise.all([
        pool.query<{ report_id: string }>(`${matching} ORDER BY worst DESC, first_due, report_id LIMIT $6 OFFSET $7`, [...values, first, offset]),
        pool.query<{ total: string }>(`SELECT count(*) AS total FROM (${matching}) AS listed`, values),
      ]);
      return { reports: await reportsById(page.rows.map((row) => row.report_id)), totalCount: Number(count.rows[0]!.total) };
    },

    /** One delivery with its report, for the worker sending it. */
    async delivery(deliveryId: string): Promise<{ report: StoredReport; delivery: StoredDelivery } | null> {
      const { rows } = await pool.query<{ report_id: string }>(`SELECT report_id FROM ${deliveries} WHERE id = $1`, [deliveryId]);
      if (!rows[0]) return null;
      const report = await this.report(rows[0].report_id);
      const delivery = report?.deliveries.find((candidate) => candidate.id === deliveryId);
      return report && delivery ? { report, delivery } : null;
    },

    /** One more send of a delivery, counted before it goes: a crash mid-send still counts it. */
    async recordAttempt(deliveryId: string): Promise<void> {
      await pool.query(`UPDATE ${deliveries} SET attempts = attempts + 1 WHERE id = $1`, [deliveryId]);
    },

    /**
     * The department's decision; a delivery decided once keeps its first decision. In the same
     * transaction, the later deliveries to the department that waited for it and now wait for
     * nothing go to the queue (`enqueue`): a crash records both or neither.
     */
    async recordOutcome(delivery: QueuedDelivery, outcome: DeliveryOutcome, at: Date, enqueue: Enqueue): Promise<void> {
      await inTransaction(pool, async (client) => {
        await lockDepartments(client, [delivery.department], 'deciding');
        const decided = await client.query<{ report_id: string }>(
          `UPDATE ${deliveries} SET state = $2, reason = $3, delivered_at = coalesce(delivered_at, $4), decided_at = $4, last_error = NULL
           WHERE id = $1 AND state NOT IN ('ACCEPTED', 'REJECTED') RETURNING report_id`,
          [delivery.id, outcome.state, outcome.state === 'REJECTED' ? outcome.reason : null, at],
        );
        // Decided before: that transaction queued what waited for it.
        if (!decided.rows[0]) return;
        const { rows } = await client.query<QueuedDelivery>(
          `SELECT d.id, d.department FROM ${deliveries} d
           WHERE d.department = $1 AND d.queued_at IS NULL
             AND d.report_id IN (SELECT theirs.report_id FROM ${parties} mine JOIN ${parties} theirs ON theirs.resident_id = mine.resident_id WHERE mine.report_id = $2)
             AND ${heldBehind('d')} IS NULL`,
          [delivery.department, decided.rows[0].report_id],
        );
        await queueFree(client, rows, at, enqueue);
      });
    },

    /** Why the last send failed (kept for operators; the delivery stays PENDING and is retried). */
    async recordFailure(deliveryId: string, error: string): Promise<void> {
      await pool.query(`UPDATE ${deliveries} SET last_error = $2 WHERE id = $1`, [deliveryId, error]);
    },

    close: () => pool.end(),
  };
}

/** Earlier reports make the change impossible (found again under the transaction's lock). */
export class ChangeConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChangeConflictError';
  }
}
