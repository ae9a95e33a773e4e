import { execute, isObjectType, parse } from 'graphql';
import { maskCitizenId } from '@resident-graph/schemas';
import { AUDIENCES, ServedRecord, type AccessEntry, type Audience } from '@resident-graph/subgraph-kit';
import { refusalOf, type Refusal } from '@resident-graph/subgraph-kit/testing';
import { type Caller } from '@resident-graph/trust';
import { createTestTrust } from '@resident-graph/trust/testing';
import { buildGridSchema, gridPolicy, gridTable } from '../src';
import { createGridContext } from '../src/GridContext';
import { expectedAccess } from './fixtures/expectedAccess';
import { IMPERFECT, makePopulation } from './fixtures/population';
import { startRunningSubgraph, type RunningSubgraph } from './fixtures/runningSubgraph';

const population = makePopulation();

interface Target {
  name: string;
  /** The key of each entity type's representation. */
  keys: Record<'Resident' | 'Household' | 'Grid' | 'Community', string>;
}
const targetOf = (name: string, index: number): Target => {
  const resident = population.residents[index]!;
  return { name, keys: { Resident: resident.id, Household: resident.householdId, Grid: resident.gridId, Community: resident.grid.communityId } };
};
/** In G01 / C01, with a data-quality issue. */
const INSIDE = targetOf('inside', IMPERFECT.legacy);
/** In G03 / C02, with a data-quality issue. */
const OUTSIDE = targetOf('outside', IMPERFECT.legacyInG03);

interface Probe {
  audience: Audience;
  caller: Caller;
  /** The targets inside the caller's jurisdiction. */
  reaches: Target[];
}
const caller = (subject: string, role: Caller['role'], reach: Partial<Caller> = {}): Caller => ({
  subject,
  role,
  department: null,
  grids: [],
  community: null,
  ...reach,
});
/**
 * One caller per audience that can meet this subgraph, and a street-wide officer besides.
 * The grid has no officers of its own (no token names the grid as department), so no
 * caller is ever `own-officer` here.
 */
const PROBES: Probe[] = [
  { audience: 'grid-worker', caller: caller('gw-1', 'grid-worker', { grids: [INSIDE.keys.Grid] }), reaches: [INSIDE] },
  { audience: 'window-clerk', caller: caller('clerk-1', 'window-clerk', { community: INSIDE.keys.Community }), reaches: [INSIDE] },
  { audience: 'other-officer', caller: caller('labour-1', 'department-officer', { department: 'labour', grids: [INSIDE.keys.Grid] }), reaches: [INSIDE] },
  { audience: 'other-officer', caller: caller('ps-street', 'department-officer', { department: 'public-security' }), reaches: [INSIDE, OUTSIDE] },
  { audience: 'analyst', caller: caller('analyst-1', 'analyst'), reaches: [] },
  { audience: 'auditor', caller: caller('auditor-1', 'auditor'), reaches: [] },
];

/** Each a path of `Type.field` steps from a root field down to a scalar; together they cross every row of the table. */
const CHAINS: string[][] = [
  ...['id', 'address', 'categories'].map((field) => ['Query._entities', `Resident.${field}`]),
  ['Query._entities', 'Resident.grid', 'Grid.id'],
  ...['gridId', 'communityId'].map((field) => ['Query._entities', 'Resident.jurisdiction', `Jurisdiction.${field}`]),
  ...['department', 'kind', 'storedId', 'recordReference', 'nameOnRecord'].map((field) => [
    'Query._entities',
    'Resident.gridDataQualityIssues',
    `DataQualityIssue.${field}`,
  ]),
  ['Query._entities', 'Household.id'],
  ['Query._entities', 'Household.jurisdiction', 'Jurisdiction.gridId'],
  ...['id', 'name', 'areaSquareMetres'].map((field) => ['Query._entities', `Grid.${field}`]),
  ['Query._entities', 'Grid.community', 'Community.name'],
  ['Query._entities', 'Grid.residents', 'ResidentConnection.totalCount'],
  ['Query._entities', 'Grid.residents', 'ResidentConnection.nodes', 'Resident.id'],
  ...['hasNextPage', 'endCursor'].map((field) => ['Query._entities', 'Grid.residents', 'ResidentConnection.pageInfo', `PageInfo.${field}`]),
  ...['id', 'name'].map((field) => ['Query._entities', 'Grid.gridWorkers', `GridWorker.${field}`]),
  ...['id', 'name'].map((field) => ['Query._entities', `Community.${field}`]),
  ['Query._entities', 'Community.grids', 'Grid.id'],
  ['Query.grid', 'Grid.name'],
  ['Query.community', 'Community.name'],
  ['Query._service', '_Service.sdl'],
];

const fieldOf = (step: string) => step.split('.')[1]!;
const typeOf = (step: string) => step.split('.')[0]!;

function argumentsOf(step: string, target: Target): string {
  if (step === 'Query.grid') return `(id: "${target.keys.Grid}")`;
  if (step === 'Query.community') return `(id: "${target.keys.Community}")`;
  if (step === 'Grid.residents') return '(first: 2)';
  return '';
}

function selectionOf(steps: string[], target: Target): string {
  const [step, ...rest] = steps;
  return `${fieldOf(step!)}${argumentsOf(step!, target)}${rest.length > 0 ? ` { ${selectionOf(rest, target)} }` : ''}`;
}

function requestOf(chain: string[], target: Target): { query: string; variables: Record<string, unknown> } {
  const [root, ...rest] = chain;
  if (root !== 'Query._entities') return { query: `{ ${selectionOf(chain, target)} }`, variables: {} };
  const typename = typeOf(rest[0]!) as keyof Target['keys'];
  return {
    query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selectionOf(rest, target)} } } }`,
    variables: { r: [{ __typename: typename, id: target.keys[typename] }] },
  };
}

/** The values an answer holds at the end of a chain, through lists; nulls hold none. */
function leavesOf(value: unknown, names: string[]): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item) => leavesOf(item, names));
  if (names.length === 0) return [value];
  return leavesOf((value as Record<string, unknown>)[names[0]!], names.slice(1));
}

function mapLeaves(value: unknown, names: string[], map: (leaf: string) => string): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => mapLeaves(item, names, map));
  if (names.length === 0) return map(value as string);
  const [name, ...rest] = names;
  return { ...(value as object), [name!]: mapLeaves((value as Record<string, unknown>)[name!], rest, map) };
}

/** What the access written by hand says the answer to a chain is: the code of the first step refused, or null when it is served. */
function expectedRefusal(chain: string[], probe: Probe, target: Target, withPurpose: boolean): Refusal | null {
  for (const step of chain) {
    const refusal = refusalOf(expectedAccess, { type: typeOf(step), field: fieldOf(step) }, probe.audience, withPurpose, probe.reaches.includes(target));
    if (refusal) return refusal;
  }
  return null;
}

let running: RunningSubgraph;
/** Each chain's answer for each target from the same schema with no policy in force. */
const unpoliced = new Map<string, Record<string, unknown>>();
const answerKey = (chain: string[], target: Target) => `${target.name} ${chain.join(' > ')}`;

beforeAll(async () => {
  running = await startRunningSubgraph(population);
  const { schema } = await buildGridSchema();
  for (const target of [INSIDE, OUTSIDE]) {
    for (const chain of CHAINS) {
      const { query, variables } = requestOf(chain, target);
      const contextValue = { ...createGridContext(running.adapter), served: new ServedRecord() };
      const result = await execute({ schema, document: parse(query), variableValues: variables, contextValue });
      if (result.errors) throw new Error(`${answerKey(chain, target)}: ${result.errors[0]!.message}`);
      unpoliced.set(answerKey(chain, target), result.data as Record<string, unknown>);
    }
  }
});
afterAll(async () => {
  await running?.close();
});

describe('the table', () => {
  test('has a row for every field of every type the subgraph serves, and no other', async () => {
    const { schema } = await buildGridSchema();
    const served = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) => Object.keys((type as { getFields(): object }).getFields()).map((field) => `${type.name}.${field}`));
    const rows = Object.entries(gridTable).flatMap(([type, fields]) => Object.keys(fields).map((field) => `${type}.${field}`));
    expect(rows.sort()).toEqual(served.sort());
    for (const row of rows) expect([row, Object.keys(gridTable[typeOf(row)]![fieldOf(row)]!).sort()]).toEqual([row, [...AUDIENCES].sort()]);
  });

  test('every type with a jurisdiction row says how its jurisdiction is found, so no such row passes unchecked', () => {
    const checked = Object.entries(gridTable)
      .filter(([, fields]) => Object.values(fields).some((row) => Object.values(row).includes('jurisdiction')))
      .map(([type]) => type);
    expect(checked.filter((type) => !(type in gridPolicy.jurisdictionOf))).toEqual([]);
    expect(checked.length).toBeGreaterThan(0);
  });

  test('every row is crossed by a probe, and every probe finds something to serve or refuse', () => {
    const crossed = new Set(CHAINS.flat());
    const rows = Object.entries(expectedAccess.table).flatMap(([type, fields]) => Object.keys(fields).map((field) => `${type}.${field}`));
    expect(rows.filter((row) => !crossed.has(row))).toEqual([]);
    for (const [key, data] of unpoliced) {
      const chain = key.split(' ').slice(1).join(' ').split(' > ');
      expect([key, leavesOf(data, chain.map(fieldOf)).length > 0]).toEqual([key, true]);
    }
  });
});

/** How the subgraph's answer to a chain differs from what the table says; null when it does not. */
async function mismatchOf(chain: string[], probe: Probe, target: Target, withPurpose: boolean): Promise<unknown> {
  const { query, variables } = requestOf(chain, target);
  const answer = await running.query(query, variables, withPurpose ? { caller: probe.caller } : { caller: probe.caller, purpose: null });
  const names = chain.map(fieldOf);
  const refusal = expectedRefusal(chain, probe, target, withPurpose);
  const key = answerKey(chain, target);
  if (refusal) {
    const codes = [...new Set(answer.errors?.map((error) => error.extensions?.code))];
    const leaked = leavesOf(answer.data, names);
    return codes.length === 1 && codes[0] === refusal && leaked.length === 0 ? null : { key, expected: refusal, codes, leaked };
  }
  const leaf = chain.at(-1)!;
  const reference = unpoliced.get(key)!;
  const expected = expectedAccess.table[typeOf(leaf)]![fieldOf(leaf)]![probe.audience] === 'mask' ? mapLeaves(reference, names, maskCitizenId) : reference;
  return answer.errors === undefined && JSON.stringify(answer.data) === JSON.stringify(expected) ? null : { key, expected, answer };
}

describe.each(PROBES.map((probe) => [`${probe.audience} ${probe.caller.subject}`, probe] as const))(
  '%s through _entities and the query fields',
  (_label, probe) => {
    test.each([
      ['inside', INSIDE, true],
      ['outside', OUTSIDE, true],
      ['inside, without a purpose', INSIDE, false],
      ['outside, without a purpose', OUTSIDE, false],
    ] as const)('%s: every answer is what the table says', async (_case, target, withPurpose) => {
      // One request at a time: a burst would time out against a busy test database, which tests nothing of the policy.
      const mismatches: unknown[] = [];
      for (const chain of CHAINS) mismatches.push(await mismatchOf(chain, probe, target, withPurpose));
      expect(mismatches.filter((mismatch) => mismatch !== null)).toEqual([]);
    });
  },
);

describe('trust', () => {
  const RESIDENT = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { id address } } }`;
  const inside = { r: [{ __typename: 'Resident', id: INSIDE.keys.Resident }] };

  test('a request without the gateway context is UNAUTHENTICATED (401), with no data', async () => {
    const answer = await running.query(RESIDENT, inside, { headers: {} });
    expect(answer.status).toBe(401);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  test('a context signed with another key is UNAUTHENTICATED (401), with no data', async () => {
    const keysDir = process.env.TRUST_KEYS_DIR;
    const forger = await createTestTrust();
    process.env.TRUST_KEYS_DIR = keysDir;
    const answer = await running.query(RESIDENT, inside, { headers: await forger.gatewayHeaders(PROBES[3]!.caller) });
    expect(answer.status).toBe(401);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  test("a representation's own jurisdiction is ignored: the grid database decides", async () => {
    const gridWorker = PROBES[0]!.caller;
    const forged = {
      r: [{ __typename: 'Resident', id: OUTSIDE.keys.Resident, jurisdiction: { gridId: INSIDE.keys.Grid, communityId: INSIDE.keys.Community } }],
    };
    const answer = await running.query<{ _entities: { id: string; address: string | null }[] }>(RESIDENT, forged, { caller: gridWorker });
    expect(answer.data!._entities).toEqual([{ id: OUTSIDE.keys.Resident, address: null }]);
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['OUT_OF_JURISDICTION']);
  });
});

describe('masking', () => {
  test("a stored citizen ID comes back masked to every caller, the resident's own key does not", async () => {
    const truth = population.residents[IMPERFECT.legacy]!;
    const stored = (truth.imperfections[0] as { storedId: string }).storedId;
    const answer = await running.query<{ _entities: { id: string; gridDataQualityIssues: { storedId: string }[] }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { id gridDataQualityIssues { storedId } } } }`,
      { r: [{ __typename: 'Resident', id: truth.id }] },
      { caller: PROBES[0]!.caller },
    );
    expect(answer.data!._entities).toEqual([{ id: truth.id, gridDataQualityIssues: [{ storedId: maskCitizenId(stored) }] }]);
    expect(maskCitizenId(stored)).not.toBe(stored);
  });
});

describe('audit', () => {
  const gridWorker = PROBES[0]!.caller;
  async function entriesDuring(run: () => Promise<unknown>): Promise<AccessEntry[]> {
    const before = running.audit.entries.length;
    await run();
    return running.audit.entries.slice(before);
  }

  test('a read of personal data writes one entry: who, why, which residents, which fields', async () => {
    const ids = population.residents
      .filter((r) => r.gridId === INSIDE.keys.Grid)
      .slice(20, 23)
      .map((r) => r.id);
    const entries = await entriesDuring(() =>
      running.query(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { id address categories } } }`,
        { r: ids.map((id) => ({ __typename: 'Resident', id })) },
        {
          caller: gridWorker,
          purpose: { code: 'HOME_VISIT', reference: 'V-2026-17' },
        },
      ),
    );
    expect(entries).toEqual([
      expect.objectContaining({
        subgraph: 'grid',
        subject: gridWorker.subject,
        role: 'grid-worker',
        department: null,
        purposeCode: 'HOME_VISIT',
        purposeReference: 'V-2026-17',
        residentIds: [...ids].sort(),
        fields: ['Resident.address', 'Resident.categories'],
      }),
    ]);
  });

  test('a roster page records whose citizen IDs it listed', async () => {
    const roster = population.residents
      .filter((r) => r.gridId === INSIDE.keys.Grid)
      .slice(0, 3)
      .map((r) => r.id);
    const entries = await entriesDuring(() =>
      running.query(`{ grid(id: "${INSIDE.keys.Grid}") { residents(first: 3) { nodes { id } } } }`, {}, { caller: gridWorker }),
    );
    expect(entries).toEqual([expect.objectContaining({ residentIds: [...roster].sort(), fields: ['Grid.residents', 'Resident.id'] })]);
  });

  test('a request that served no personal data writes nothing, refused or not', async () => {
    const entries = await entriesDuring(async () => {
      await running.query(`{ grid(id: "${INSIDE.keys.Grid}") { name community { name } gridWorkers { name } } }`, {}, { caller: gridWorker });
      await running.query(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { address } } }`,
        { r: [{ __typename: 'Resident', id: OUTSIDE.keys.Resident }] },
        { caller: gridWorker },
      );
      await running.query(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { jurisdiction { gridId } } } }`,
        { r: [{ __typename: 'Resident', id: INSIDE.keys.Resident }] },
        { caller: gridWorker },
      );
    });
    expect(entries).toEqual([]);
  });

  test('when the entry cannot be written the answer is AUDIT_UNAVAILABLE, with no data', async () => {
    running.audit.failing = true;
    try {
      const answer = await running.query(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { id address } } }`,
        { r: [{ __typename: 'Resident', id: INSIDE.keys.Resident }] },
        {
          caller: gridWorker,
        },
      );
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
      expect(JSON.stringify(answer)).not.toContain(population.residents[IMPERFECT.legacy]!.grid.address);
    } finally {
      running.audit.failing = false;
    }
  });
});
