import type { VerifyReport } from './verifyAuditChain';

const entries = (count: number): string => `${count} ${count === 1 ? 'entry' : 'entries'}`;

/** The verifier's one-line verdict. */
export function describeVerifyReport({ checked, served, refused, head, firstBreak }: VerifyReport): string {
  if (firstBreak === null) {
    return `audit chain intact: ${entries(checked)} (${served} served, ${refused} refused), head ${head.sequence} ${head.hash.slice(0, 12)}`;
  }
  return `audit chain BROKEN at entry ${firstBreak.sequence}: ${firstBreak.kind} (${firstBreak.detail}); ${entries(checked)} sound before it, head ${head.sequence}`;
}
