import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { CHANGE_RULES, todayInShanghai, type ChangeKind, type Department, type ReportedChange } from '@resident-graph/schemas';
import type { Logger } from '@resident-graph/service-kit';
import { inJurisdiction, toGraphQLError, type AccessEntry, type AuditWriter, type Jurisdiction, type PolicedContext } from '@resident-graph/subgraph-kit';
import { askChecks } from './askChecks';
import { ChangeConflictError, type ChangeStore, type ListFilter, type NewReport, type StoredReport } from './changeStore';
import type { ChangeReport, ChangeReportConnection, ChangeReportInput } from './changes.types';
import { dueByOf, lightOf } from './deadlines';
import type { DepartmentCallSettings } from './departmentCalls';
import type { DeliveryQueue } from './deliveryQueue';
import type { GridDirectory } from './gridDirectory';
import { badInput, partiesOf, subjectOf, validateChange } from './validateChange';

/** Days each department has for each kind of change, where a setting departs from CHANGE_RULES. */
export type ChangeLimits = Partial<Record<ChangeKind, Partial<Record<Department, number>>>>;

export interface ChangesSettings {
  departments: DepartmentCallSettings;
  limits: ChangeLimits;
  /** The last part of a delivery's time in which its light is YELLOW (0.2: the last 20 %). */
  yellowFraction: number;
}

export interface ChangesServiceParts {
  store: ChangeStore;
  queue: Pick<DeliveryQueue, 'enqueue'>;
  grids: GridDirectory;
  audit: AuditWriter;
  logger: Logger;
  settings: ChangesSettings;
  /** The clock deadlines are set and lights read by. @default the system clock */
  now?: () => Date;
}

const MAX_PAGE = 100;

/** Today in the street's time zone: a change dated today in Shanghai is not in the future at 07:00 there. */

const refusal = (code: string, message: string) => new GraphQLError(message, { extensions: { code } });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const encodeCursor = (offset: number) => Buffer.from(`changes:${offset}`).toString('base64url');
function decodeCursor(cursor: string | null | undefined): number {
  if (cursor == null) return 0;
  const match = /^changes:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput('after is not a cursor this list gave');
  return Number(match[1]);
}

/**
 * Reporting a change once, and following it: `report` checks the change (its shape, the
 * reporter's reach, earlier reports, each department's own check), audits it, and stores it
 * with one delivery per department and their queue jobs in one transaction; `report(id)`
 * and `list` show each delivery's state and deadline light at the time of asking.
 */
export function createChangesService({ store, queue, grids, audit, logger, settings, now = () => new Date() }: ChangesServiceParts) {
  const limitOf = (kind: ChangeKind, department: Department, days: number) => settings.limits[kind]?.[department] ?? days;

  const viewOf = (stored: StoredReport, at: Date): ChangeReport => ({
    id: stored.id,
    kind: stored.change.kind,
    residentId: stored.change.residentId,
    occurredOn: stored.change.occurredOn,
    reportedAt: stored.reportedAt.toISOString(),
    reportedBy: stored.reporter.subject,
    place: { gridId: stored.gridId, communityId: stored.communityId },
    deliveries: stored.deliveries.map((delivery) => ({
      department: delivery.department,
      state: delivery.state,
      reason: delivery.reason,
      dueBy: delivery.dueBy.toISOString(),
      light: lightOf({ state: delivery.state, reportedAt: stored.reportedAt, dueBy: delivery.dueBy }, at, settings.yellowFraction),
      action: delivery.action,
      attempts: delivery.attempts,
      deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
      decidedAt: delivery.decidedAt?.toISOString() ?? null,
      late: delivery.decidedAt !== null && delivery.decidedAt.getTime() > delivery.dueBy.getTime(),
      heldBehind: delivery.heldBehind,
    })),
  });

  /**
   * Where the change is, checked against the reporter's reach (from the grid database, never
   * the request): the subject must be in it — a move in's subject is not in the street yet —
   * and a move's new grid too.
   */
  async function placeOf(change: ReportedChange, context: PolicedContext): Promise<Jurisdiction> {
    const { caller } = context.trust;
    const subject = subjectOf(change);
    let target: Jurisdiction | null = null;
    if (change.move) {
      target = await grids.placeGrid(change.move.gridId);
      if (!target) throw badInput(`grid ${change.move.gridId} is not a grid of the street`);
      if (!inJurisdiction(caller, target)) throw refusal('OUT_OF_JURISDICTION', `grid ${change.move.gridId} is outside the caller's jurisdiction`);
    }
    const place = await context.placements.residents.load(subject);
    if (change.kind === 'MOVE_IN') {
      if (place) throw badInput(`${subject} already lives in the street (grid ${place.gridId}): report ADDRESS_CHANGE`);
      return target!;
    }
    if (!inJurisdiction(caller, place)) throw refusal('OUT_OF_JURISDICTION', `${subject} is outside the caller's jurisdiction`);
    if (!place) throw badInput(`${subject} is not a resident of the street (the grid survey does not place them)`);
    return place;
  }

  const entryOf = (context: PolicedContext, change: ReportedChange | null, outcome: AccessEntry['outcome'], fields: string[]): AccessEntry => ({
    requestId: context.trust.requestId,
    operationId: context.trust.operationId,
    subgraph: 'changes',
    subject: context.trust.caller.subject,
    role: context.trust.caller.role,
    department: context.trust.caller.department,
    purposeCode: context.trust.purpose?.code ?? null,
    purposeReference: context.trust.purpose?.reference ?? null,
    residentIds: change ? partiesOf(change) : [],
    fields: ['Mutation.reportChange', ...fields],
    outcome,
  });

  async function report(input: ChangeReportInput, context: PolicedContext): Promise<ChangeReport> {
    const { caller, purpose } = context.trust;
    let change: ReportedChange | null = null;
    try {
      if (!purpose) throw refusal('PURPOSE_REQUIRED', 'reporting a change needs a stated purpose (X-Purpose)');
      const reportedAt = now();
      change = validateChange(input, todayInShanghai(reportedAt));
      const duties = CHANGE_RULES[change.kind];
      if (caller.role === 'department-officer' && !duties.some((duty) => duty.department === caller.department))
        throw refusal('FORBIDDEN', `${caller.department} does not act on ${change.kind}: its officers may not report it`);
      const place = await placeOf(change, context).catch((error: unknown) => {
        throw toGraphQLError(error);
      });
      const conflict = await store.conflictOf(change);
      if (conflict) throw badInput(conflict);
      const reportId = randomUUID();
      const deliveries = duties.map((duty) => ({
        id: randomUUID(),
        department: duty.department,
        action: duty.action,
        dueBy: dueByOf(reportedAt, limitOf(change!.kind, duty.department, duty.limitDays)),
      }));
      await askChecks(
        deliveries.map((delivery) => ({ department: delivery.department, deliveryId: delivery.id, reportId, reporter: caller, change: change! })),
        settings.departments,
      );
      try {
        await audit.write(entryOf(context, change, 'SERVED', [`kind ${change.kind}`, `report ${reportId}`]));
      } catch (error) {
        logger.error({ err: error }, 'change report not audited: not queued');
        throw refusal('AUDIT_UNAVAILABLE', 'the report could not be recorded in the audit trail, so it was not queued');
      }
      const stored: NewReport = {
        id: reportId,
        change,
        reporter: caller,
        purpose,
        gridId: place.gridId,
        communityId: place.communityId,
        reportedAt,
        deliveries,
      };
      const held = await store
        .insert(stored, (client, free) => queue.enqueue(client, free))
        .catch((error: unknown) => {
          throw error instanceof ChangeConflictError ? badInput(error.message) : error;
        });
      logger.info({ reportId, kind: change.kind, departments: deliveries.map((delivery) => delivery.department) }, 'change reported');
      return viewOf(
        {
          ...stored,
          deliveries: deliveries.map((delivery) => ({
            ...delivery,
            state: 'PENDING',
            reason: null,
            attempts: 0,
            deliveredAt: null,
            decidedAt: null,
            heldBehind: held.get(delivery.id) ?? null,
          })),
        },
        reportedAt,
      );
    } catch (error) {
      const code = error instanceof GraphQLError ? String(error.extensions.code) : 'INTERNAL_SERVER_ERROR';
      if (code !== 'AUDIT_UNAVAILABLE') {
        await audit.write(entryOf(context, change, 'REFUSED', [`refused ${code}`])).catch((auditError: unknown) => {
          logger.error({ err: auditError }, 'refused change report not audited');
        });
      }
      throw error;
    }
  }

  return {
    report,

    async reportById(id: string): Promise<ChangeReport | null> {
      if (!UUID.test(id)) return null;
      const stored = await store.report(id);
      return stored && viewOf(stored, now());
    },

    async list(filter: ListFilter, first: number, after: string | null | undefined): Promise<ChangeReportConnection> {
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput(`first must be 1 to ${MAX_PAGE}`);
      const offset = decodeCursor(after);
      const at = now();
      const { reports, totalCount } = await store.list(filter, at, settings.yellowFraction, first, offset);
      const end = offset + reports.length;
      return {
        nodes: reports.map((stored) => viewOf(stored, at)),
        totalCount,
        pageInfo: { hasNextPage: end < totalCount, endCursor: reports.length > 0 ? encodeCursor(end) : null },
      };
    },
  };
}

export type ChangesService = ReturnType<typeof createChangesService>;
