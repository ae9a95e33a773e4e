import type { DeadlineLight, DeliveryState } from '@resident-graph/schemas';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment a department's time to act on a change runs out: reported plus its limit in calendar days. */
export const dueByOf = (reportedAt: Date, limitDays: number): Date => new Date(reportedAt.getTime() + limitDays * DAY_MS);

export const isDecided = (state: DeliveryState): boolean => state === 'ACCEPTED' || state === 'REJECTED';

export interface DeadlineFacts {
  state: DeliveryState;
  reportedAt: Date;
  dueBy: Date;
}

/**
 * The street's e-supervision light for one delivery at `now`: a decided delivery is done
 * (GREEN, whether late or not — `late` says which); an open one is GREEN until the last
 * `yellowFraction` of its time, YELLOW in it, RED once past its deadline.
 */
export function lightOf({ state, reportedAt, dueBy }: DeadlineFacts, now: Date, yellowFraction: number): DeadlineLight {
  if (isDecided(state)) return 'GREEN';
  if (now.getTime() > dueBy.getTime()) return 'RED';
  const yellowFrom = dueBy.getTime() - (dueBy.getTime() - reportedAt.getTime()) * yellowFraction;
  return now.getTime() >= yellowFrom ? 'YELLOW' : 'GREEN';
}

/** The ranks the supervisors' list sorts by, worst first; the SQL of the list computes the same (changeStore). */
export const LIGHT_RANK: Readonly<Record<DeadlineLight, number>> = { GREEN: 0, YELLOW: 1, RED: 2 };
