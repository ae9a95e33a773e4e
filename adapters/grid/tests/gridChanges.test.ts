import { randomUUID } from 'node:crypto';
import { createGridAdapter, type GridAdapter } from '@resident-graph/adapter-grid';
import type { ReportedChange } from '@resident-graph/schemas';
import { ids, makePopulation } from './fixtures/population';
import { seededDatabase } from './fixtures/seededDatabase';

// Reported changes applied by the grid office to the real grid database (the stand-in's
// migrated, seeded schema): its rules decide, each key is applied once as the database's
// own rows show, and the lookup and the jurisdiction index show the change afterwards.
let db: Awaited<ReturnType<typeof seededDatabase>>;
let adapter: GridAdapter;

beforeAll(async () => {
  db = await seededDatabase(makePopulation(), 'grid_changes');
  adapter = createGridAdapter({ databaseUrl: db.databaseUrl, schema: db.name, timeoutMs: 5_000 });
});
afterAll(async () => {
  await adapter?.close();
  await db?.drop();
});

const recordOf = async (id: string) => (await adapter.lookup([id])).get(id)!.record;
const rowsOf = async (sql: string, values: unknown[] = []) => (await db.pool.query(sql.replaceAll('$schema', `"${db.name}"`), values)).rows;
const placementOf = async (id: string) => (await rowsOf('SELECT grid_id FROM $schema.resident_placement WHERE citizen_id = $1', [id]))[0]?.grid_id;
const roster = async (gridId: string) => (await adapter.listGridResidents(gridId, { first: 50, after: null })).nodes.map((node) => node.citizenId);
const move = (kind: 'MOVE_IN' | 'ADDRESS_CHANGE', residentId: string, gridId: string, address: string): ReportedChange => ({
  kind,
  residentId,
  occurredOn: '2026-11-10',
  move: { gridId, address },
});

test('an address change places the resident in the new grid’s dwelling: that grid’s roster and jurisdiction have them, the old one no longer', async () => {
  const key = randomUUID();
  const change = move('ADDRESS_CHANGE', ids.plain, 'G02', '崂山路12弄4号');
  expect(await adapter.applyChange(change, key)).toEqual({ outcome: 'ACCEPTED' });
  expect(await recordOf(ids.plain)).toMatchObject({ gridId: 'G02', communityId: 'C01', householdId: '310115000201', address: '崂山路12弄4号' });
  expect(await placementOf(ids.plain)).toBe('G02');
  expect(await roster('G02')).toContain(ids.plain);
  expect(await roster('G01')).not.toContain(ids.plain);

  // The same delivery again changes nothing and answers alike.
  await adapter.applyChange(move('ADDRESS_CHANGE', ids.plain, 'G03', '南泉北路5号302室'), randomUUID());
  expect(await adapter.applyChange(change, key)).toEqual({ outcome: 'ACCEPTED' });
  expect(await placementOf(ids.plain)).toBe('G03');
  expect(await rowsOf('SELECT outcome FROM $schema.change_application WHERE idempotency_key = $1', [key])).toEqual([{ outcome: 'ACCEPTED' }]);
});

test('a move in places a resident the survey had not recorded in a new dwelling of the grid, as a permanent resident', async () => {
  const change = move('MOVE_IN', ids.unknown, 'G03', '南泉北路7号101室');
  const key = randomUUID();
  expect(await adapter.applyChange(change, key)).toEqual({ outcome: 'ACCEPTED' });
  expect(await adapter.applyChange(change, key)).toEqual({ outcome: 'ACCEPTED' });
  expect(await recordOf(ids.unknown)).toMatchObject({ gridId: 'G03', communityId: 'C02', address: '南泉北路7号101室', categories: ['PERMANENT'] });
  expect(await rowsOf('SELECT count(*)::int AS rows FROM $schema.resident WHERE canonical_citizen_id = $1', [ids.unknown])).toEqual([{ rows: 1 }]);
});

test('a move into a grid the street does not have is rejected, and the check says so', async () => {
  const change = move('MOVE_IN', ids.other, 'G99', '某路1号');
  expect(await adapter.checkChange(change)).toBe('no grid G99 in the street');
  expect(await adapter.applyChange(change, randomUUID())).toEqual({ outcome: 'REJECTED', reason: 'no grid G99 in the street' });
  expect(await recordOf(ids.other)).toMatchObject({ gridId: 'G02' });
});

test('a death removes the placement; a second death of the same resident is rejected', async () => {
  const death: ReportedChange = { kind: 'DEATH', residentId: ids.southern, occurredOn: '2026-11-12' };
  expect(await adapter.applyChange(death, randomUUID())).toEqual({ outcome: 'ACCEPTED' });
  expect(await recordOf(ids.southern)).toBeNull();
  expect(await placementOf(ids.southern)).toBeUndefined();
  expect(await adapter.applyChange(death, randomUUID())).toEqual({ outcome: 'REJECTED', reason: 'the resident is not placed in any grid of the street' });
  // Not a reason to refuse the report itself: the grid's survey may simply have missed them.
  expect(await adapter.checkChange(death)).toBeNull();
});

test('a move out removes the placement', async () => {
  const moveOut: ReportedChange = { kind: 'MOVE_OUT', residentId: ids.floating, occurredOn: '2026-11-13', moveOut: { toAddress: '安徽省阜阳市' } };
  expect(await adapter.applyChange(moveOut, randomUUID())).toEqual({ outcome: 'ACCEPTED' });
  expect(await recordOf(ids.floating)).toBeNull();
});

test('a birth places the child, not yet given a citizen ID, with the mother, once', async () => {
  const birth: ReportedChange = {
    kind: 'BIRTH',
    residentId: null,
    occurredOn: '2026-11-14',
    birth: { motherId: ids.other, fatherId: null, childName: '吴小满', childGender: 'FEMALE' },
  };
  const key = randomUUID();
  expect(await adapter.applyChange(birth, key)).toEqual({ outcome: 'ACCEPTED' });
  expect(await adapter.applyChange(birth, key)).toEqual({ outcome: 'ACCEPTED' });
  const children = await rowsOf(
    `SELECT r.household_id, r.canonical_citizen_id, array_agg(c.category ORDER BY c.category) AS categories
     FROM $schema.resident r JOIN $schema.resident_category c ON c.resident_id = r.id WHERE r.name = '吴小满' GROUP BY r.id`,
  );
  expect(children).toEqual([{ household_id: '310115000201', canonical_citizen_id: null, categories: ['三岁以下', '常住'].sort() }]);
  // The survey stored this mother's ID mistyped: by her real ID, she is placed nowhere.
  const unplacedMother: ReportedChange = { ...birth, birth: { ...birth.birth!, motherId: ids.mistyped } };
  expect(await adapter.applyChange(unplacedMother, randomUUID())).toEqual({
    outcome: 'REJECTED',
    reason: 'the mother is not placed in any grid of the street',
  });
});

test('a database that cannot be asked is a DepartmentError, so the delivery is retried', async () => {
  const down = createGridAdapter({ databaseUrl: 'postgresql://postgres@127.0.0.1:9/test', schema: db.name, timeoutMs: 500, retries: 0 });
  try {
    await expect(down.applyChange({ kind: 'DEATH', residentId: ids.other, occurredOn: '2026-11-12' }, randomUUID())).rejects.toMatchObject({
      code: expect.stringMatching(/^DEPARTMENT_(UNAVAILABLE|TIMEOUT)$/),
    });
  } finally {
    await down.close();
  }
});
