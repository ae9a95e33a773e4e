import type { ChangeOutcome } from '@resident-graph/adapter-kit';
import type { ReportedChange } from '@resident-graph/schemas';
import type { PoolClient } from 'pg';

/** 处理结果 (bgjl.cljg): 受理, 不予受理. */
const OUTCOME_CODE = { ACCEPTED: '1', REJECTED: '2' } as const;

/** The outcome the bureau kept for an idempotency key, or `null` if no change came with it. */
export async function recordedOutcome(client: PoolClient, idempotencyKey: string): Promise<ChangeOutcome | null> {
  const { rows } = await client.query<{ cljg: string; jjly: string | null }>('SELECT cljg, jjly FROM bgjl WHERE mdbs = $1', [idempotencyKey]);
  const row = rows[0];
  if (!row) return null;
  return row.cljg === OUTCOME_CODE.ACCEPTED ? { outcome: 'ACCEPTED' } : { outcome: 'REJECTED', reason: row.jjly ?? '' };
}

/** Keeps the change's outcome under its idempotency key, in the transaction that applies it. */
export async function recordOutcome(client: PoolClient, idempotencyKey: string, change: ReportedChange, outcome: ChangeOutcome): Promise<void> {
  await client.query('INSERT INTO bgjl (mdbs, bglx, sfzh, fsrq, cljg, jjly) VALUES ($1, $2, $3, $4, $5, $6)', [
    idempotencyKey,
    change.kind,
    change.residentId,
    change.occurredOn,
    OUTCOME_CODE[outcome.outcome],
    outcome.outcome === 'REJECTED' ? outcome.reason : null,
  ]);
}

/** Of `citizenIds`, those whose death the bureau has accepted. */
export async function recordedDead(client: PoolClient, citizenIds: readonly string[]): Promise<Set<string>> {
  const { rows } = await client.query<{ sfzh: string }>(`SELECT sfzh FROM bgjl WHERE bglx = 'DEATH' AND cljg = $1 AND sfzh = ANY($2::text[])`, [
    OUTCOME_CODE.ACCEPTED,
    [...citizenIds],
  ]);
  return new Set(rows.map((row) => row.sfzh));
}
