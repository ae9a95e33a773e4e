import { DepartmentError } from '@resident-graph/adapter-kit';
import { createGridAdapter, RosterArgumentError, type GridAdapter } from '@resident-graph/adapter-grid';
import { CATEGORY_LABELS } from '../src/gridVocabulary';
import { fifteenDigit, ids, makePopulation, mistyped } from './fixtures/population';
import { seededDatabase } from './fixtures/seededDatabase';

const population = makePopulation();
const truthOf = (id: string) => population.residents.find((r) => r.id === id)!;
const sortedCategories = (id: string) =>
  [...truthOf(id).grid.categories].sort((a, b) => Object.keys(CATEGORY_LABELS).indexOf(a) - Object.keys(CATEGORY_LABELS).indexOf(b));
const expectedRecord = (id: string) => {
  const { grid, householdId } = truthOf(id);
  return {
    gridId: grid.gridId,
    communityId: grid.communityId,
    buildingId: grid.buildingId,
    householdId,
    address: grid.address,
    categories: sortedCategories(id),
  };
};
/** G01's residents with a matchable ID, in the order the survey recorded them. */
const g01Roster = population.residents.filter((r) => r.gridId === 'G01' && r.id !== ids.mistyped).map((r) => r.id);

let db: Awaited<ReturnType<typeof seededDatabase>>;
let adapter: GridAdapter;

beforeAll(async () => {
  db = await seededDatabase(population, 'grid_adapter');
  adapter = createGridAdapter({ databaseUrl: db.databaseUrl, schema: db.name, timeoutMs: 5_000 });
});

afterAll(async () => {
  await adapter?.close();
  await db?.drop();
});

async function callsDuring(run: () => Promise<unknown>): Promise<number> {
  const before = adapter.callsMade();
  await run();
  return adapter.callsMade() - before;
}

describe('lookup', () => {
  test('answers where each resident lives, whatever form the survey stored the ID in', async () => {
    const wanted = [ids.plain, ids.formatted, ids.renamed, ids.floating, ids.child, ids.other, ids.southern];
    const answer = await adapter.lookup(wanted);
    for (const id of wanted) expect([id, answer.get(id)]).toEqual([id, { record: expectedRecord(id), issues: [] }]);
  });

  test('matches a 15-digit stored ID and reports it', async () => {
    const answer = await adapter.lookup([ids.legacy]);
    expect(answer.get(ids.legacy)).toEqual({
      record: expectedRecord(ids.legacy),
      issues: [
        {
          department: 'grid',
          kind: 'LEGACY_15_DIGIT_ID',
          storedId: fifteenDigit(ids.legacy),
          recordReference: expect.stringMatching(/^resident\/\d+$/),
          nameOnRecord: '刘桂英',
        },
      ],
    });
  });

  test('reports a mistyped stored ID instead of merging it', async () => {
    const answer = await adapter.lookup([ids.mistyped]);
    expect(answer.get(ids.mistyped)).toEqual({
      record: null,
      issues: [
        {
          department: 'grid',
          kind: 'INVALID_CITIZEN_ID',
          storedId: mistyped(ids.mistyped),
          recordReference: expect.stringMatching(/^resident\/\d+$/),
          nameOnRecord: '孙强',
        },
      ],
    });
  });

  test('has an empty entry for a resident the grid does not know, keyed as asked', async () => {
    const asked = [ids.unknown, fifteenDigit(ids.legacy)];
    const answer = await adapter.lookup(asked);
    expect([...answer.keys()]).toEqual(asked);
    expect(answer.get(ids.unknown)).toEqual({ record: null, issues: [] });
    expect(answer.get(fifteenDigit(ids.legacy))?.record).toEqual(expectedRecord(ids.legacy));
  });

  test('costs one query for any number of residents', async () => {
    const everyone = population.residents.map((r) => r.id);
    expect(await callsDuring(() => adapter.lookup(everyone))).toBe(1);
    expect(await callsDuring(() => adapter.lookup([ids.plain]))).toBe(1);
  });
});

describe('listGridResidents', () => {
  test('pages through a grid in a stable order with its size, one query a page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    const calls = await callsDuring(async () => {
      for (;;) {
        const page = await adapter.listGridResidents('G01', { first: 4, after });
        pages += 1;
        expect(page.totalCount).toBe(g01Roster.length);
        seen.push(...page.nodes.map((node) => node.citizenId));
        if (!page.hasNextPage) break;
        after = page.endCursor;
      }
    });
    expect(seen).toEqual(g01Roster);
    expect(calls).toBe(pages);
    expect(pages).toBe(Math.ceil(g01Roster.length / 4));
  });

  test('gives each node the answer lookup gives, so callers can prime their cache', async () => {
    const page = await adapter.listGridResidents('G01', { first: 1000, after: null });
    const looked = await adapter.lookup(page.nodes.map((node) => node.citizenId));
    for (const node of page.nodes) expect(node.lookup).toEqual(looked.get(node.citizenId));
    expect(page.nodes.find((node) => node.citizenId === ids.legacy)?.lookup.issues).toHaveLength(1);
  });

  test('answers the size with an empty page and past the end', async () => {
    const empty = await adapter.listGridResidents('G01', { first: 0, after: null });
    expect(empty).toEqual({ nodes: [], totalCount: g01Roster.length, hasNextPage: true, endCursor: null });
    const all = await adapter.listGridResidents('G01', { first: 1000, after: null });
    const past = await adapter.listGridResidents('G01', { first: 10, after: all.endCursor });
    expect(past).toEqual({ nodes: [], totalCount: g01Roster.length, hasNextPage: false, endCursor: null });
    expect(await adapter.listGridResidents('G99', { first: 10, after: null })).toEqual({ nodes: [], totalCount: 0, hasNextPage: false, endCursor: null });
  });

  test('refuses a bad page size or a cursor it did not issue for this grid, without a query', async () => {
    const g02 = await adapter.listGridResidents('G02', { first: 1, after: null });
    const calls = await callsDuring(async () => {
      for (const request of [
        { first: 1001, after: null },
        { first: -1, after: null },
        { first: 1.5, after: null },
        { first: 10, after: 'not-a-cursor' },
        { first: 10, after: Buffer.from('{"g":"G01","k":"x"}').toString('base64url') },
        { first: 10, after: g02.endCursor },
      ]) {
        await expect(adapter.listGridResidents('G01', request)).rejects.toBeInstanceOf(RosterArgumentError);
      }
    });
    expect(calls).toBe(0);
  });
});

describe('grids, communities and grid workers', () => {
  test('getGrids (each with its community, in the same query) and getCommunities answer those that exist', async () => {
    let grids = new Map<string, unknown>();
    expect(await callsDuring(async () => (grids = await adapter.getGrids(['G01', 'G03', 'G99'])))).toBe(1);
    const { communities: streetCommunities } = population.street;
    expect([...grids.values()]).toEqual(
      population.street.grids.filter((g) => g.id !== 'G02').map((g) => ({ ...g, community: streetCommunities.find((c) => c.id === g.communityId) })),
    );
    const communities = await adapter.getCommunities(['C02', 'C99']);
    expect([...communities.values()]).toEqual([{ id: 'C02', name: '南泉居委' }]);
  });

  test("listCommunityGrids answers each community's grids, empty for an unknown one", async () => {
    const grids = await adapter.listCommunityGrids(['C01', 'C02', 'C99']);
    expect(Object.fromEntries([...grids].map(([id, list]) => [id, list.map((g) => g.id)]))).toEqual({ C01: ['G01', 'G02'], C02: ['G03'], C99: [] });
  });

  test('locateHouseholds answers where each known dwelling is, in one query', async () => {
    const { households, buildings, grids } = population.street;
    const asked = [...households.map((h) => h.id), 'H-UNKNOWN'];
    let located = new Map<string, unknown>();
    expect(await callsDuring(async () => (located = await adapter.locateHouseholds(asked)))).toBe(1);
    const expected = households.map((h) => {
      const gridId = buildings.find((b) => b.id === h.buildingId)!.gridId;
      return [h.id, { gridId, communityId: grids.find((g) => g.id === gridId)!.communityId }];
    });
    expect(Object.fromEntries(located)).toEqual(Object.fromEntries(expected));
  });

  test("listGridWorkers answers each grid's workers in one query", async () => {
    let workers = new Map<string, { id: string; name: string }[]>();
    expect(await callsDuring(async () => (workers = await adapter.listGridWorkers(['G01', 'G03', 'G99'])))).toBe(1);
    expect(Object.fromEntries(workers)).toEqual({
      G01: [
        { id: 'W01', name: '陈静' },
        { id: 'W03', name: '李卫东' },
      ],
      G03: [{ id: 'W02', name: '王海燕' }],
      G99: [],
    });
  });
});

describe('failures', () => {
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (error: unknown) => (error instanceof DepartmentError ? error.code : String(error)),
    );

  test('an unreachable database is DEPARTMENT_UNAVAILABLE', async () => {
    const down = createGridAdapter({ databaseUrl: 'postgresql://postgres@127.0.0.1:1/test', schema: db.name, timeoutMs: 1_000 });
    try {
      expect(await codeOf(down.lookup([ids.plain]))).toBe('DEPARTMENT_UNAVAILABLE');
      expect(await codeOf(down.checkHealth())).toBe('DEPARTMENT_UNAVAILABLE');
    } finally {
      await down.close();
    }
  });

  test('a query that does not finish in time is DEPARTMENT_TIMEOUT', async () => {
    const slow = createGridAdapter({ databaseUrl: db.databaseUrl, schema: db.name, timeoutMs: 200 });
    const locker = await db.pool.connect();
    try {
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE "${db.name}".resident IN ACCESS EXCLUSIVE MODE`);
      expect(await codeOf(slow.lookup([ids.plain]))).toBe('DEPARTMENT_TIMEOUT');
    } finally {
      await locker.query('ROLLBACK');
      locker.release();
      await slow.close();
    }
    await expect(adapter.lookup([ids.plain])).resolves.toBeInstanceOf(Map);
  });

  test('a row outside the survey vocabulary is DEPARTMENT_BAD_RESPONSE, not retried', async () => {
    const broken = await seededDatabase(population, 'grid_adapter_broken');
    const reader = createGridAdapter({ databaseUrl: broken.databaseUrl, schema: broken.name, timeoutMs: 5_000 });
    try {
      await broken.pool.query(`ALTER TABLE "${broken.name}".resident_category DROP CONSTRAINT resident_category_category_check`);
      await broken.pool.query(`INSERT INTO "${broken.name}".resident_category SELECT id, '空巢' FROM "${broken.name}".resident WHERE citizen_id = $1`, [
        ids.plain,
      ]);
      expect(await codeOf(reader.lookup([ids.plain]))).toBe('DEPARTMENT_BAD_RESPONSE');
      expect(reader.callsMade()).toBe(1);
    } finally {
      await reader.close();
      await broken.drop();
    }
  });
});

describe('mistyped copies of a resident', () => {
  // One typo in each third of the ID: each shares a different twelve-character key with it.
  const typoAt = (id: string, position: number) => id.slice(0, position) + String((Number(id[position]) + 3) % 10) + id.slice(position + 1);
  const copies = [2, 9, 15].map((position) => typoAt(ids.southern, position));

  beforeAll(async () => {
    for (const storedId of copies) {
      await db.pool.query(`INSERT INTO "${db.name}".resident (citizen_id, name, household_id) VALUES ($1, '郑建國', '310115000301')`, [storedId]);
    }
  });

  test('lookup reports every one of them beside the record it matched', async () => {
    const answer = (await adapter.lookup([ids.southern])).get(ids.southern)!;
    expect(answer.record).toEqual(expectedRecord(ids.southern));
    expect(answer.issues.map((issue) => [issue.kind, issue.storedId, issue.nameOnRecord]).sort()).toEqual(
      copies.map((id) => ['INVALID_CITIZEN_ID', id, '郑建國']).sort(),
    );
  });

  test('a roster page primes the same issues, and does not count the copies', async () => {
    const page = await adapter.listGridResidents('G03', { first: 10, after: null });
    expect(page.totalCount).toBe(1);
    expect(page.nodes.map((node) => node.citizenId)).toEqual([ids.southern]);
    expect(page.nodes[0]!.lookup).toEqual((await adapter.lookup([ids.southern])).get(ids.southern));
  });
});
