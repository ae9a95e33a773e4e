import { GraphQLError } from 'graphql';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Anchor, AuditStore } from '@resident-graph/audit';
import { CitizenIdScalar, DateScalar } from '@resident-graph/subgraph-kit';
import { AccessLogConnection } from './accessLog.type';

export interface AuditContext {
  store: AuditStore;
  /** The signed checkpoints of the chain head, read afresh for each verification. */
  anchors: () => Promise<Anchor[]>;
}

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

// The street keeps China Standard Time (UTC+8, no daylight saving): a day an auditor names is that day there.
const startOfDay = (day: string): Date => new Date(`${day}T00:00:00+08:00`);
const DAY_MS = 24 * 60 * 60 * 1000;

@Resolver()
export class AccessLogResolver {
  @Query(() => AccessLogConnection, {
    description:
      'Who looked at which resident, when and why (auditors), newest first: the entries matching every filter given; at least one of residentId, subject, from, to',
  })
  async accessLog(
    @Arg('residentId', () => CitizenIdScalar, { nullable: true, description: 'Entries that served or refused this resident' }) residentId: string | null,
    @Arg('subject', () => String, { nullable: true, description: "Entries of this user (the token's subject)" }) subject: string | null,
    @Arg('from', () => DateScalar, { nullable: true, description: 'Entries recorded on this day (China Standard Time) or later' }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Entries recorded on this day (China Standard Time) or earlier' }) to: string | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: AuditContext,
  ): Promise<AccessLogConnection> {
    if (first < 1 || first > 100) throw badInput('first must be 1…100');
    // ISO days compare as strings.
    if (from != null && to != null && from > to) throw badInput(`from (${from}) must not be after to (${to})`);
    // type-graphql leaves an argument the query omits undefined: the store is asked with nulls.
    const query = {
      residentId: residentId ?? null,
      subject: subject ?? null,
      from: from == null ? null : startOfDay(from),
      // `to` names the last day wanted: the store's range ends where the next day starts.
      to: to == null ? null : new Date(startOfDay(to).getTime() + DAY_MS),
      first,
      after: after ?? null,
    };
    try {
      const page = await context.store.accessLog(query);
      return { ...page, nodes: page.nodes.map((record) => ({ ...record, recordedAt: record.recordedAt.toISOString() })) };
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      if (error instanceof RangeError) throw badInput(error.message);
      throw new GraphQLError('the audit trail cannot be read now', { extensions: { code: 'AUDIT_UNAVAILABLE' } });
    }
  }
}
