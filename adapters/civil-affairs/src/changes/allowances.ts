import type { EmploymentStatus } from '@resident-graph/schemas';
import type { PoolClient } from 'pg';
import { MEMBER_STATUS } from '../civilAffairsCodes';

/** Where the change comes from: its idempotency key (the review rows name it) and date. */
export interface ChangeSource {
  idempotencyKey: string;
  occurredOn: string;
}

/** 复核原因 as staff write them. */
export const REVIEW_REASON = {
  MOVE_OUT: '家庭成员迁出，家庭人口变化',
  DEATH: '家庭成员死亡，家庭人口变化',
  employment: (status: EmploymentStatus) => `就业状态变化：${EMPLOYMENT_NAMES[status]}`,
} as const;

const EMPLOYMENT_NAMES: Record<EmploymentStatus, string> = {
  EMPLOYED: '就业',
  REGISTERED_UNEMPLOYED: '登记失业',
  LAID_OFF: '下岗',
  RETIRED: '退休',
  NOT_IN_LABOUR_FORCE: '非劳动力',
  UNKNOWN: '不详',
};

/**
 * Registers a review (救助复核, pending) of each case, numbered within the case. Two reviews
 * of one case written at once can draw the same number; the loser's transaction fails on the
 * key and its delivery is tried again.
 */
async function registerReviews(client: PoolClient, cases: readonly { ajbh: string; sfzh: string }[], reason: string, source: ChangeSource): Promise<void> {
  for (const { ajbh, sfzh } of cases) {
    await client.query(
      `INSERT INTO jzfc (ajbh, fcxh, sfzh, fcyy, djrq, mdbs)
       SELECT $1::varchar, coalesce(max(fcxh), 0) + 1, $2, $3, $4::date, $5 FROM jzfc WHERE ajbh = $1::varchar`,
      [ajbh, sfzh, reason, source.occurredOn, source.idempotencyKey],
    );
  }
}

/**
 * A member who leaves the household for good (moves away, dies): each of their memberships
 * in force or suspended ends (停保), and each case that still has members in force is
 * registered for review, the household having changed; their elderly allowance stops.
 */
export async function endAllowances(client: PoolClient, forms: readonly string[], reason: string, source: ChangeSource): Promise<void> {
  const { rows: ended } = await client.query<{ ajbh: string; sfzh: string }>(
    'UPDATE jzcy SET cyzt = $2 WHERE sfzh = ANY($1::text[]) AND cyzt IN ($3, $4) RETURNING ajbh, sfzh',
    [[...forms], MEMBER_STATUS.encode('TERMINATED'), MEMBER_STATUS.encode('ACTIVE'), MEMBER_STATUS.encode('SUSPENDED')],
  );
  const { rows: remaining } = await client.query<{ ajbh: string }>('SELECT DISTINCT ajbh FROM jzcy WHERE ajbh = ANY($1::text[]) AND cyzt = $2 ORDER BY ajbh', [
    ended.map((row) => row.ajbh),
    MEMBER_STATUS.encode('ACTIVE'),
  ]);
  const stillPaid = new Set(remaining.map((row) => row.ajbh));
  // One review per case, even where the member stood on it under two stored forms of their ID.
  const toReview = new Map(ended.filter((row) => stillPaid.has(row.ajbh)).map((row) => [row.ajbh, row]));
  await registerReviews(client, [...toReview.values()], reason, source);
  await client.query('UPDATE gljt SET tfrq = $2 WHERE sfzh = ANY($1::text[]) AND tfrq IS NULL', [[...forms], source.occurredOn]);
}

/** 动态管理: a member in force whose employment changed puts each of their cases up for review. */
export async function reviewEligibility(client: PoolClient, forms: readonly string[], status: EmploymentStatus, source: ChangeSource): Promise<void> {
  const { rows } = await client.query<{ ajbh: string; sfzh: string }>('SELECT ajbh, sfzh FROM jzcy WHERE sfzh = ANY($1::text[]) AND cyzt = $2 ORDER BY ajbh', [
    [...forms],
    MEMBER_STATUS.encode('ACTIVE'),
  ]);
  await registerReviews(client, rows, REVIEW_REASON.employment(status), source);
}
