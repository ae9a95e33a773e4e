import { GraphQLError } from 'graphql';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Anchor, AuditStore } from '@resident-graph/audit';
import { CitizenIdScalar } from '@resident-graph/subgraph-kit';
import { AccessLogConnection } from './accessLog.type';

export interface AuditContext {
  store: AuditStore;
  /** The signed checkpoints of the chain head, read afresh for each verification. */
  anchors: () => Promise<Anchor[]>;
}

@Resolver()
export class AccessLogResolver {
  @Query(() => AccessLogConnection, { description: 'Who looked at this resident, when and why (auditors), newest first' })
  async accessLog(
    @Arg('residentId', () => CitizenIdScalar) residentId: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: AuditContext,
  ): Promise<AccessLogConnection> {
    if (first < 1 || first > 100) throw new GraphQLError('first must be 1…100', { extensions: { code: 'BAD_USER_INPUT' } });
    try {
      const page = await context.store.accessLog({ residentId, first, after });
      return { ...page, nodes: page.nodes.map((record) => ({ ...record, recordedAt: record.recordedAt.toISOString() })) };
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      if (error instanceof RangeError) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
      throw new GraphQLError('the audit trail cannot be read now', { extensions: { code: 'AUDIT_UNAVAILABLE' } });
    }
  }
}
