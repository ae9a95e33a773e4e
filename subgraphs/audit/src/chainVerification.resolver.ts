import { GraphQLError } from 'graphql';
import { Ctx, Query, Resolver } from 'type-graphql';
import { describeVerifyReport } from '@resident-graph/audit';
import type { AuditContext } from './accessLog.resolver';
import { AuditChainVerification } from './chainVerification.type';

/** How long one verification may walk the trail before the auditor is told to run the command instead. */
const VERIFY_TIMEOUT_MS = 20_000;

@Resolver()
export class ChainVerificationResolver {
  @Query(() => AuditChainVerification, { description: 'Verifies the audit hash chain now (auditors): what `npm run audit:verify` reports' })
  async accessLogVerification(@Ctx() context: AuditContext): Promise<AuditChainVerification> {
    try {
      const anchors = await context.anchors();
      const report = await context.store.verify({ anchors, timeoutMs: VERIFY_TIMEOUT_MS });
      return {
        intact: report.intact,
        checked: report.checked,
        headSequence: report.head.sequence,
        firstBreakSequence: report.firstBreak?.sequence ?? null,
        firstBreakKind: report.firstBreak?.kind ?? null,
        checkpoints: report.anchors.checked,
        newestCheckpointAt: report.anchors.newest?.anchoredAt ?? null,
        verifiedAt: new Date().toISOString(),
        summary: describeVerifyReport(report),
      };
    } catch (error) {
      throw new GraphQLError(`the audit chain cannot be verified now: ${error instanceof Error ? error.message : String(error)}`, {
        extensions: { code: 'AUDIT_UNAVAILABLE' },
      });
    }
  }
}
