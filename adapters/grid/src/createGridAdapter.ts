import { createDepartmentPolicy, DepartmentError, type DepartmentLookup } from '@resident-graph/adapter-kit';
import { normalizeCitizenId, type ResidentCategory } from '@resident-graph/schemas';
import { createPrismaClient } from './createPrismaClient';
import { CATEGORY_LABELS } from './gridVocabulary';
import { residentQueries } from './residentQueries';
import { lookupOf, matchRows, parseResidentRows } from './residentRows';
import { applyGridChange, unknownGrid } from './gridChanges';
import { checkNameSearch } from './nameSearch';
import { checkRosterPageSize, decodeRosterCursor, encodeRosterCursor } from './rosterCursor';
import { DEFAULT_SCHEMA } from './schemaName';
import { parseCategoryMembers, parsePlacementRows } from './statisticsRows';
import { statisticsQueries } from './statisticsQueries';
import type {
  CommunityInfo,
  GridAdapter,
  GridAdapterOptions,
  GridInfo,
  GridRecord,
  GridWithCommunity,
  GridWorkerInfo,
  HouseholdLocation,
  NameSearchRequest,
  NameSearchResult,
  RosterNode,
  RosterPage,
  RosterRequest,
} from './types';

interface PageResult {
  pageRowIds: unknown;
  rows: unknown;
}

interface RosterResult extends PageResult {
  total: unknown;
}

/**
 * The first `size` of a page's rows as nodes, each with its lookup answer, and every row
 * id the query paged (one more than `size` tells there is more).
 */
function pageOf(result: PageResult | undefined, size: number): { nodes: RosterNode[]; pageRowIds: number[] } {
  const { pageRowIds } = result ?? {};
  if (!Array.isArray(pageRowIds) || !pageRowIds.every((id) => Number.isSafeInteger(id))) {
    throw new DepartmentError('DEPARTMENT_BAD_RESPONSE', 'grid', 'malformed page of residents');
  }
  const rows = parseResidentRows(result?.rows);
  const { matched, unmatchable } = matchRows(rows);
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const nodes = (pageRowIds as number[]).slice(0, size).flatMap((rowId) => {
    const id = normalizeCitizenId(rowById.get(rowId)?.storedId ?? '');
    return id.ok ? [{ citizenId: id.id, lookup: lookupOf(id.id, matched.get(id.id) ?? [], unmatchable) }] : [];
  });
  return { nodes, pageRowIds: pageRowIds as number[] };
}

function groupBy<T>(keys: readonly string[], items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const item of items) groups.get(keyOf(item))?.push(item);
  return groups;
}

/**
 * Reads the street's grid-management database directly (Prisma Client, `pg` driver
 * adapter). Every method is one query, counted by `callsMade()`, run under the
 * department policy (time-out, retry, circuit breaker); health checks are not counted.
 */
export function createGridAdapter(options: GridAdapterOptions): GridAdapter {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const timeoutMs = options.timeoutMs ?? 2_000;
  const prisma = createPrismaClient({ databaseUrl: options.databaseUrl, schema, timeoutMs });
  const queries = residentQueries(schema);
  const statistics = statisticsQueries(schema);
  const execute = createDepartmentPolicy({ ...options, department: 'grid', timeoutMs });
  // A whole-street read takes seconds at district scale: its own time limit, on its own connections.
  const scanTimeoutMs = options.scanTimeoutMs ?? 30_000;
  const scanPrisma = createPrismaClient({ databaseUrl: options.databaseUrl, schema, timeoutMs: scanTimeoutMs });
  const executeScan = createDepartmentPolicy({ ...options, department: 'grid', timeoutMs: scanTimeoutMs });
  let calls = 0;
  const counted =
    (policy: typeof execute) =>
    <T>(run: () => Promise<T>): Promise<T> =>
      policy(() => {
        calls += 1;
        return run();
      });
  const call = counted(execute);
  const scan = counted(executeScan);

  return {
    department: 'grid',

    async lookup(citizenIds: readonly string[]): Promise<Map<string, DepartmentLookup<GridRecord>>> {
      const canonical = new Map(citizenIds.map((id) => [id, normalizeCitizenId(id)] as const));
      const wanted = [...new Set([...canonical.values()].flatMap((result) => (result.ok ? [result.id] : [])))];
      const answer = new Map<string, DepartmentLookup<GridRecord>>(citizenIds.map((id) => [id, { record: null, issues: [] }]));
      if (wanted.length === 0) return answer;
      const { matched, unmatchable } = await call(async () => {
        const [result] = await prisma.$queryRaw<{ rows: unknown }[]>(queries.lookup(wanted));
        return matchRows(parseResidentRows(result?.rows));
      });
      for (const [id, result] of canonical) {
        if (result.ok) answer.set(id, lookupOf(result.id, matched.get(result.id) ?? [], unmatchable));
      }
      return answer;
    },

    async listGridResidents(gridId: string, request: RosterRequest): Promise<RosterPage> {
      checkRosterPageSize(request.first);
      const afterRowId = request.after === null ? 0 : decodeRosterCursor(gridId, request.after);
      return call(async () => {
        const [result] = await prisma.$queryRaw<RosterResult[]>(queries.roster(gridId, afterRowId, request.first + 1));
        if (typeof result?.total !== 'number') throw new DepartmentError('DEPARTMENT_BAD_RESPONSE', 'grid', 'malformed roster answer');
        const { nodes, pageRowIds } = pageOf(result, request.first);
        const lastRowId = pageRowIds.slice(0, request.first).at(-1);
        return {
          nodes,
          totalCount: result.total,
          hasNextPage: pageRowIds.length > request.first,
          endCursor: lastRowId === undefined ? null : encodeRosterCursor(gridId, lastRowId),
        };
      });
    },

    async findResidentsByName({ name, scope, first }: NameSearchRequest): Promise<NameSearchResult> {
      checkNameSearch(name, first);
      return call(async () => {
        const [result] = await prisma.$queryRaw<PageResult[]>(queries.byName(name, scope, first + 1));
        const { nodes, pageRowIds } = pageOf(result, first);
        return { nodes, hasMore: pageRowIds.length > first };
      });
    },

    async getGrids(gridIds: readonly string[]): Promise<Map<string, GridWithCommunity>> {
      const grids = await call(() =>
        prisma.grid.findMany({ where: { id: { in: [...gridIds] } }, include: { community: { select: { id: true, name: true } } }, orderBy: { id: 'asc' } }),
      );
      return new Map(grids.map((grid) => [grid.id, grid]));
    },

    async getCommunities(communityIds: readonly string[]): Promise<Map<string, CommunityInfo>> {
      const communities = await call(() =>
        prisma.community.findMany({ where: { id: { in: [...communityIds] } }, select: { id: true, name: true }, orderBy: { id: 'asc' } }),
      );
      return new Map(communities.map((community) => [community.id, community]));
    },

    async listCommunityGrids(communityIds: readonly string[]): Promise<Map<string, GridInfo[]>> {
      const grids = await call(() => prisma.grid.findMany({ where: { communityId: { in: [...communityIds] } }, orderBy: { id: 'asc' } }));
      return groupBy(communityIds, grids, (grid) => grid.communityId);
    },

    async locateHouseholds(householdIds: readonly string[]): Promise<Map<string, HouseholdLocation>> {
      const households = await call(() =>
        prisma.household.findMany({
          where: { id: { in: [...householdIds] } },
          select: { id: true, building: { select: { gridId: true, grid: { select: { communityId: true } } } } },
          orderBy: { id: 'asc' },
        }),
      );
      return new Map(households.map(({ id, building }) => [id, { gridId: building.gridId, communityId: building.grid.communityId }]));
    },

    async listGridWorkers(gridIds: readonly string[]): Promise<Map<string, GridWorkerInfo[]>> {
      const assignments = await call(() =>
        prisma.gridWorkerGrid.findMany({
          where: { gridId: { in: [...gridIds] } },
          select: { gridId: true, gridWorker: { select: { id: true, name: true } } },
          orderBy: { gridWorkerId: 'asc' },
        }),
      );
      const byGrid = groupBy(gridIds, assignments, (assignment) => assignment.gridId);
      return new Map([...byGrid].map(([gridId, list]) => [gridId, list.map((assignment) => assignment.gridWorker)]));
    },

    async categoryMembers(categories: readonly ResidentCategory[]) {
      return scan(async () => {
        const [result] = await scanPrisma.$queryRaw<{ unresolved: unknown; members: unknown }[]>(
          statistics.categoryMembers(categories.map((category) => CATEGORY_LABELS[category])),
        );
        return parseCategoryMembers(categories, result);
      });
    },

    async placeResidents(scope) {
      return scan(async () => parsePlacementRows(await scanPrisma.$queryRaw<unknown[]>(statistics.placements(scope))));
    },

    /**
     * One transaction: the idempotency key taken under an advisory lock (a concurrent retry
     * of the same delivery waits, then finds it), the change applied by the grid office's
     * rules, and the key kept with the outcome, so a repeat changes nothing and answers alike.
     */
    async applyChange(change, idempotencyKey) {
      return call(() =>
        prisma.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${idempotencyKey}))`;
          const first = await tx.changeApplication.findUnique({ where: { idempotencyKey } });
          if (first) return first.reason === null ? { outcome: 'ACCEPTED' as const } : { outcome: 'REJECTED' as const, reason: first.reason };
          const outcome = await applyGridChange(tx, change);
          await tx.changeApplication.create({
            data: { idempotencyKey, kind: change.kind, outcome: outcome.outcome, reason: outcome.outcome === 'REJECTED' ? outcome.reason : null },
          });
          return outcome;
        }),
      );
    },

    /**
     * Only what makes a change impossible (a move into a grid the street does not have): a
     * resident the survey has not placed is the grid's own gap, answered as a rejection of
     * its delivery, never a reason to refuse the report to every department.
     */
    async checkChange(change) {
      return call(() => unknownGrid(prisma, change));
    },

    callsMade: () => calls,

    breakerState: () => execute.breakerState(),

    async checkHealth(): Promise<void> {
      await execute(() => prisma.street.findFirst({ select: { regionCode: true } }));
    },

    close: async () => {
      await Promise.all([prisma.$disconnect(), scanPrisma.$disconnect()]);
    },
  } satisfies GridAdapter;
}
