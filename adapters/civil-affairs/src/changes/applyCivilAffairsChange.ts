import { refusedUnasked, type ChangeOutcome } from '@resident-graph/adapter-kit';
import type { ReportedChange } from '@resident-graph/schemas';
import type { Pool, PoolClient } from 'pg';
import { inBureauTransaction } from './bureauConnection';
import { endAllowances, REVIEW_REASON, reviewEligibility, type ChangeSource } from './allowances';
import { recordedDead, recordedOutcome, recordOutcome } from './changeRecords';
import { checkMarriage, registerDivorce, registerMarriage, type MarriageCheck, type Registration, type StoredForms } from './marriageRegistrations';

export interface CivilAffairsChangeContext {
  /** Connections to the bureau's database. */
  pool: Pool;
  /** The bureau's schema: each change's transaction names its tables there. */
  schema: string;
  formsOf: StoredForms;
  /** 行政区划代码 of the registration office, in certificate numbers. */
  regionCode: string;
}

const accepted: ChangeOutcome = { outcome: 'ACCEPTED' };
const rejected = (reason: string): ChangeOutcome => ({ outcome: 'REJECTED', reason });

const residentOf = (change: ReportedChange): string => {
  if (!change.residentId) throw new Error(`${change.kind} names no resident`);
  return change.residentId;
};

/**
 * Takes the transaction's locks, always in the same order so two transactions cannot deadlock:
 * the idempotency key (a repeated delivery waits for the first, then finds its outcome) and
 * every person the change names (two changes of one person apply one after the other).
 */
async function lockFor(client: PoolClient, change: ReportedChange, idempotencyKey: string): Promise<void> {
  const names = [`key:${idempotencyKey}`, ...[change.residentId, change.spouse?.spouseId].flatMap((id) => (id ? [`person:${id}`] : []))];
  await client.query('SELECT pg_advisory_xact_lock(hashtext(name)) FROM (SELECT DISTINCT unnest($1::text[]) AS name ORDER BY 1) names', [names]);
}

/**
 * The bureau's decision by its own rules, reading only: a refusal, or the registrations the
 * change acts on (a divorce's marriage). A death of someone the bureau holds nothing on is
 * accepted: there is nothing to stop, and the record of it keeps the spouse's registration
 * from reading as a marriage in force.
 */
export async function decide(client: PoolClient, change: ReportedChange, formsOf: StoredForms): Promise<MarriageCheck> {
  const unasked = refusedUnasked(change, 'civil-affairs', 'civil affairs');
  if (unasked !== null) return { refusal: unasked };
  if (change.kind === 'MARRIAGE' || change.kind === 'DIVORCE') return checkMarriage(client, change, formsOf);
  if (change.kind === 'DEATH' && (await recordedDead(client, [residentOf(change)])).size > 0) {
    return { refusal: `${residentOf(change)} recorded deceased by civil affairs already` };
  }
  return { refusal: null, active: [] };
}

/** Writes an accepted change into the bureau's tables; `marriages`: the registrations a divorce closes. */
async function write(client: PoolClient, change: ReportedChange, marriages: readonly Registration[], source: ChangeSource, context: CivilAffairsChangeContext) {
  switch (change.kind) {
    case 'MOVE_OUT':
    case 'DEATH':
      return endAllowances(client, context.formsOf(residentOf(change)), REVIEW_REASON[change.kind], source);
    case 'EMPLOYMENT_CHANGE':
      if (!change.employment) throw new Error('EMPLOYMENT_CHANGE names no status');
      return reviewEligibility(client, context.formsOf(residentOf(change)), change.employment.status, source);
    case 'MARRIAGE':
      return registerMarriage(client, change, context.formsOf, context.regionCode);
    case 'DIVORCE':
      for (const marriage of marriages) await registerDivorce(client, change, marriage, context.regionCode);
      return;
    default:
      return;
  }
}

/**
 * Applies a change in one transaction of the bureau's database together with its outcome
 * under the idempotency key (bgjl): a repeated delivery answers the outcome kept, and a
 * crash before COMMIT leaves neither the change nor its record.
 */
export function applyCivilAffairsChange(change: ReportedChange, idempotencyKey: string, context: CivilAffairsChangeContext): Promise<ChangeOutcome> {
  return inBureauTransaction(context.pool, context.schema, async (client) => {
    await lockFor(client, change, idempotencyKey);
    const kept = await recordedOutcome(client, idempotencyKey);
    if (kept) return kept;
    const decision = await decide(client, change, context.formsOf);
    const outcome = decision.refusal === null ? accepted : rejected(decision.refusal);
    // The record first: the review rows written with the change refer to it.
    await recordOutcome(client, idempotencyKey, change, outcome);
    if (decision.refusal === null) await write(client, change, decision.active, { idempotencyKey, occurredOn: change.occurredOn }, context);
    return outcome;
  });
}
