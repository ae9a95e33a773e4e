import type { GraphQLSchema } from 'graphql';
import { DEPARTMENTS, SUBGRAPHS, type SubgraphEntry } from '@resident-graph/registry';
import { AUDIENCES, audienceOf, type Audience } from '@resident-graph/subgraph-kit';
import type { ExpectedAccess, Step } from '@resident-graph/subgraph-kit/testing';
import type { Caller, Purpose } from '@resident-graph/trust';
import {
  answerPath,
  audienceReaching,
  callersAround,
  citizenIdsIn,
  expectedVerdict,
  loadExpectedAccess,
  masksFor,
  objectsAlong,
  operationFor,
  readTruth,
  rowsOf,
  startTestStack,
  subgraphAsker,
  variablesFor,
  type Row,
  type Subject,
  type TestStack,
} from '../support';

const PURPOSE: Purpose = { code: 'CASE_REVIEW', reference: 'policy-conformance' };
/** Residents asked for at once through `_entities` when looking for a row's parent objects. */
const BATCH = 100;
/** Residents of each community tried one by one where there is no `_entities` to batch them. */
const SINGLE_CANDIDATES = 5;
/** Requests in flight at once: enough to keep every subgraph busy, few enough to stay in order. */
const IN_FLIGHT = 4;
/** Every row × 6 audiences × 2 places × 2 purposes, each audited: a minute or two per subgraph. */
const SUBGRAPH_TIMEOUT_MS = 600_000;

/** Whether a department's own table masks a detail of its data-quality issues for the caller (the department given as its GraphQL enum name). */
async function publisherMasks(departmentEnum: string, detail: string, caller: Caller): Promise<boolean> {
  const department = DEPARTMENTS.find((entry) => entry.id === departmentEnum.toLowerCase().replaceAll('_', '-'));
  if (!department) throw new Error(`no department ${departmentEnum} in the registry`);
  const { policy } = await department.subgraph.load();
  return policy.table.DataQualityIssue?.[detail]?.[audienceOf(caller, department.id)] === 'mask';
}

async function inPool<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

const chunks = (subjects: Subject[]): Subject[][] =>
  Array.from({ length: Math.ceil(subjects.length / BATCH) }, (_, i) => subjects.slice(i * BATCH, (i + 1) * BATCH));

function gridsOf(community: Subject[]): Subject[][] {
  const grids = new Map<string, Subject[]>();
  for (const subject of community) grids.set(subject.resident.grid.gridId, [...(grids.get(subject.resident.grid.gridId) ?? []), subject]);
  return [...grids.values()];
}

/**
 * Rows no record of the generated street reaches, so no answer can show their policy at
 * work; each a debt, named: the unit suite of the subgraph still checks its table row.
 */
const NEVER_REACHED: Record<string, string[]> = {
  // The generator makes no imperfection on the grid database's side (tools/generator/src/imperfections.ts).
  grid: [
    'DataQualityIssue.department',
    'DataQualityIssue.kind',
    'DataQualityIssue.storedId',
    'DataQualityIssue.recordReference',
    'DataQualityIssue.nameOnRecord',
    'DataQualityIssue.grade',
    'DataQualityIssue.reason',
  ],
  // The generated bureau registers no review (复核) of a case: a review comes from a reported change (a write, which this
  // suite does not make); adapters/civil-affairs/tests and tests/e2e/reportChange.e2e.ts read them as the bureau's officer.
  'civil-affairs': ['reviewNumber', 'reason', 'registeredOn', 'status', 'memberId'].map((field) => `AllowanceReview.${field}`),
  // A started stack holds no reported change until someone reports one (a write, which this suite does not make);
  // subgraphs/changes/tests/reportChange.test.ts and supervision.test.ts read them for every audience.
  changes: [
    ...['id', 'kind', 'deliveries', 'residentId', 'occurredOn', 'reportedAt', 'reportedBy'].map((field) => `ChangeReport.${field}`),
    ...['department', 'state', 'reason', 'dueBy', 'light', 'action', 'attempts', 'deliveredAt', 'decidedAt', 'late', 'heldBehind'].map(
      (field) => `ChangeDelivery.${field}`,
    ),
  ],
};

/**
 * Rows of writes, which this suite of reads does not walk: the review mutations of identity
 * resolution and what they answer. tests/e2e/identityResolution.e2e.ts exercises them through
 * the gateway, and the subgraph's tests/recordLinks.test.ts each refusal.
 */
const reviewRows = (section: string) => [
  ...['confirm', 'reject', 'undo'].map((verb) => `Mutation.${verb}${section}Link`),
  ...['department', 'storedId', 'residentId', 'grade', 'state', 'decidedBy', 'decidedAt'].map((field) => `RecordLinkDecision.${field}`),
];
const WRITES: Record<string, string[]> = {
  'civil-affairs': reviewRows('CivilAffairs'),
  'family-planning': reviewRows('FamilyPlanning'),
  labour: reviewRows('Labour'),
  // Reporting a change: subgraphs/changes/tests/reportChange.test.ts walks who may report what.
  changes: ['Mutation.reportChange'],
};

const key = (steps: Step[]) => steps.map((step) => `${step.type}.${step.field}`).join('/');

describe('policy conformance: every registered subgraph answers every audience as its department wrote down', () => {
  let stack: TestStack;
  let ask: ReturnType<typeof subgraphAsker>;
  /** Everyone on the street, richest record first, grouped by community: witnesses for the rows under lists (children, cases, issues). */
  let communities: Subject[][];

  beforeAll(async () => {
    stack = await startTestStack();
    ask = subgraphAsker(stack);
    const truth = readTruth(stack.dataDir).sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length);
    const byCommunity = new Map<string, Subject[]>();
    for (const resident of truth) byCommunity.set(resident.grid.communityId, [...(byCommunity.get(resident.grid.communityId) ?? []), { resident }]);
    communities = [...byCommunity.values()];
  });
  afterAll(async () => {
    await stack?.stopAll();
  });

  // The audit subgraph comes last in the registry: by then the reads above have left entries to find.
  describe.each(SUBGRAPHS.map((entry) => [entry.name, entry] as const))('%s', (_name, entry: SubgraphEntry) => {
    const department = DEPARTMENTS.find((candidate) => candidate.subgraph.name === entry.name)?.id ?? null;
    let schema: GraphQLSchema;
    let expected: ExpectedAccess;
    let rows: Row[];

    beforeAll(async () => {
      ({ schema } = await (await entry.load()).buildSchema());
      expected = await loadExpectedAccess(entry);
      rows = rowsOf(schema);
    });

    /**
     * Someone whose record holds the objects a row's field belongs to, outside `notIn` if
     * given, found by asking as an audience allowed to reach them: through `_entities` a
     * batch of a community's residents at a time, else one resident at a time.
     */
    async function witness(row: Row, notIn: string | null): Promise<Subject | null> {
      const parent = row.steps.slice(0, -1);
      const pool = communities.filter((community) => community[0]!.resident.grid.communityId !== notIn);
      if (parent.length === 0) return pool[0]![0]!;
      const audience = audienceReaching(expected, row.steps, department);
      if (!audience) return null;
      const batches =
        row.entity === null
          ? pool.flatMap((community) => community.slice(0, SINGLE_CANDIDATES).map((subject) => [subject]))
          : pool.flatMap((community) => (audience === 'grid-worker' ? gridsOf(community) : chunks(community)));
      for (const batch of batches) {
        const caller = callersAround(batch[0]!, department)[audience]!;
        const answer = await ask(entry, operationFor(schema, parent, batch[0]!), variablesFor(schema, row, batch), caller, PURPOSE);
        const path = answerPath(parent);
        const found =
          row.entity === null
            ? objectsAlong(answer.data, path).length > 0
              ? 0
              : -1
            : ((answer.data as { _entities?: unknown[] } | null)?._entities ?? []).findIndex((item) => objectsAlong(item, path.slice(1)).length > 0);
        if (found >= 0) return batch[found]!;
      }
      return null;
    }

    it('has written access for every field it serves and none for a field it does not', () => {
      const served = new Set(rows.map((row) => `${row.type}.${row.field}`));
      const written = Object.entries(expected.table).flatMap(([type, fields]) => Object.keys(fields).map((field) => `${type}.${field}`));
      expect(written.filter((row) => !served.has(row))).toEqual(WRITES[entry.name] ?? []);
    });

    it(
      'answers every field, for every audience, inside and outside the jurisdiction, with and without a purpose, as written',
      async () => {
        const witnesses = new Map<string, { inside: Subject | null; outside: Subject | null }>();
        for (const row of rows) {
          const parent = key(row.steps.slice(0, -1));
          if (witnesses.has(parent)) continue;
          const inside = await witness(row, null);
          witnesses.set(parent, { inside, outside: inside && (await witness(row, inside.resident.grid.communityId)) });
        }
        const unreached = rows.filter((row) => !witnesses.get(key(row.steps.slice(0, -1)))!.inside).map((row) => `${row.type}.${row.field}`);
        expect({ unreached }).toEqual({ unreached: NEVER_REACHED[entry.name] ?? [] });

        const cases = rows.flatMap((row) => {
          const { inside, outside } = witnesses.get(key(row.steps.slice(0, -1)))!;
          if (!inside) return [];
          const callers = callersAround(inside!, department);
          return AUDIENCES.filter((audience) => callers[audience]).flatMap((audience: Audience) =>
            [{ place: 'inside' as const, subject: inside! }, ...(outside ? [{ place: 'outside' as const, subject: outside }] : [])].flatMap(
              ({ place, subject }) => [PURPOSE, null].map((purpose) => ({ row, audience, caller: callers[audience]!, place, subject, purpose })),
            ),
          );
        });
        const wrong: string[] = [];
        await inPool(cases, async ({ row, audience, caller, place, subject, purpose }) => {
          const answer = await ask(entry, operationFor(schema, row.steps, subject), variablesFor(schema, row, [subject]), caller, purpose);
          const verdict = expectedVerdict(expected, row.steps, audience, purpose !== null, place === 'inside');
          const codes = [...new Set((answer.errors ?? []).map((error) => String(error.extensions?.code)))];
          const values = objectsAlong(answer.data, answerPath(row.steps));
          const where = `${row.type}.${row.field} ${audience} ${place} ${purpose ? 'with' : 'without'} a purpose`;
          if (verdict !== 'served') {
            if (!codes.includes(verdict) || values.length > 0) wrong.push(`${where}: expected ${verdict}, got ${codes.join(',') || 'served'}`);
            return;
          }
          if (codes.length > 0) wrong.push(`${where}: expected served, got ${codes.join(',')}`);
          const masks = masksFor(expected, row, audience);
          if (row.type === 'DataQualityIssue') {
            // Another department's issue is shown as that department's own table says too (docs/architecture.md).
            for (const issue of objectsAlong(answer.data, answerPath(row.steps.slice(0, -1))) as Record<string, unknown>[]) {
              const masksHere = masks || (await publisherMasks(String(issue.department), row.field, caller));
              for (const { id, masked } of citizenIdsIn(issue[row.field]))
                if (masked !== masksHere) wrong.push(`${where}: ${id} ${masksHere ? 'not masked' : 'masked'}`);
            }
            return;
          }
          for (const { id, masked } of citizenIdsIn(values)) if (masked !== masks) wrong.push(`${where}: ${id} ${masks ? 'not masked' : 'masked'}`);
        });
        expect(wrong.sort()).toEqual([]);
        expect(cases.length).toBeGreaterThanOrEqual((rows.length - unreached.length) * 2 * 2 * 5);
      },
      SUBGRAPH_TIMEOUT_MS,
    );
  });
});
