import type { VerifyReport } from './verifyAuditChain';

const entries = (count: number): string => `${count} ${count === 1 ? 'entry' : 'entries'}`;

/** The verifier's one-line verdict. */
export function describeVerifyReport({ checked, served, refused, head, firstBreak, anchors }: VerifyReport): string {
  if (firstBreak === null) {
    const anchored = anchors.newest
      ? `; agrees with ${anchors.checked} signed checkpoints, the newest at entry ${anchors.newest.sequence} (${anchors.newest.anchoredAt})`
      : '; no signed checkpoints to hold it against';
    return `audit chain intact: ${entries(checked)} (${served} served, ${refused} refused), head ${head.sequence} ${head.hash.slice(0, 12)}${anchored}`;
  }
  return `audit chain BROKEN at entry ${firstBreak.sequence}: ${firstBreak.kind} (${firstBreak.detail}); ${entries(checked)} sound before it, head ${head.sequence}`;
}
