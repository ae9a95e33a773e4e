import { maskCitizenId, type TruthResident } from '@resident-graph/schemas';
import { IMPERFECT, makePopulation } from './fixtures/population';
import { startRunningSubgraph, type RunningSubgraph } from './fixtures/runningSubgraph';

const population = makePopulation();
const { residents, street } = population;
const gridName = (id: string) => street.grids.find((g) => g.id === id)!.name;
const communityName = (id: string) => street.communities.find((c) => c.id === id)!.name;
const CATEGORY_ORDER = ['PERMANENT', 'FLOATING', 'FAMILY_PLANNING_CLIENT', 'LAID_OFF', 'MINIMUM_LIVING_ALLOWANCE', 'DISABLED', 'ELDERLY', 'CHILD_UNDER_3'];
const categoriesOf = (r: TruthResident) => [...r.grid.categories].sort((a, b) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b));
/** A grid's residents the subgraph can name: a mistyped stored ID matches no one. */
const rosterOf = (gridId: string) => residents.filter((r, index) => r.gridId === gridId && index !== IMPERFECT.mistyped);

interface ResidentAnswer {
  id: string;
  address: string | null;
  categories: string[];
  grid: { id: string; name: string; community: { name: string } } | null;
  gridDataQualityIssues: { department: string; kind: string; storedId: string }[] | null;
}
interface GridAnswer {
  grid: {
    name: string;
    residents: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { id: string; address?: string; categories?: string[]; grid?: { name: string } }[];
    };
  } | null;
}

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Resident { id address categories grid { id name community { name } } gridDataQualityIssues { department kind storedId } }
  }
}`;
const residentRepresentations = (ids: string[]) => ids.map((id) => ({ __typename: 'Resident', id }));

let running: RunningSubgraph;
beforeAll(async () => {
  running = await startRunningSubgraph(population);
});
afterAll(async () => {
  await running?.close();
});

describe('Resident entities', () => {
  test('answer where each resident lives, as the test data decided it', async () => {
    const answer = await running.query<{ _entities: ResidentAnswer[] }>(ENTITIES, { representations: residentRepresentations(residents.map((r) => r.id)) });
    expect(answer.errors).toBeUndefined();
    const entities = answer.data!._entities;
    residents.forEach((truth, index) => {
      const entity = entities[index]!;
      if (index === IMPERFECT.mistyped) {
        expect(entity).toMatchObject({ id: truth.id, grid: null, address: null, categories: [] });
        const [typo] = truth.imperfections as { storedId: string }[];
        // Stored IDs are citizen IDs: masked for all but the grid's own officers (there are none).
        expect(entity.gridDataQualityIssues).toEqual([{ department: 'GRID', kind: 'INVALID_CITIZEN_ID', storedId: maskCitizenId(typo!.storedId) }]);
        return;
      }
      expect(entity).toMatchObject({
        id: truth.id,
        address: truth.grid.address,
        categories: categoriesOf(truth),
        grid: { id: truth.gridId, name: gridName(truth.gridId), community: { name: communityName(truth.grid.communityId) } },
      });
      const legacy = index === IMPERFECT.legacy || index === IMPERFECT.legacyInG03;
      expect(entity.gridDataQualityIssues?.map((issue) => issue.kind)).toEqual(legacy ? ['LEGACY_15_DIGIT_ID'] : []);
    });
  });

  test('a 15-digit representation finds the same resident', async () => {
    const truth = residents[0]!;
    const answer = await running.query<{ _entities: ResidentAnswer[] }>(ENTITIES, {
      representations: residentRepresentations([truth.id.slice(0, 6) + truth.id.slice(8, 17)]),
    });
    expect(answer.data!._entities[0]).toMatchObject({ id: truth.id, address: truth.grid.address });
  });

  test('N representations cost one lookup, and their grids one more call', async () => {
    const ids = residents.slice(20, 50).map((r) => r.id);
    expect(
      await running.callsDuring(() =>
        running.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { address categories } } }`, {
          r: residentRepresentations(ids),
        }),
      ),
    ).toBe(1);
    expect(
      await running.callsDuring(() =>
        running.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { grid { name } } } }`, { r: residentRepresentations(ids) }),
      ),
    ).toBe(2);
  });
});

describe('jurisdiction, for the other subgraphs to require', () => {
  const JURISDICTION = (typename: string) =>
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id jurisdiction { gridId communityId } } } }`;

  test("a resident's is where the grid survey says they live, null when it does not know them", async () => {
    const answer = await running.query<{ _entities: { id: string; jurisdiction: unknown }[] }>(JURISDICTION('Resident'), {
      r: residentRepresentations(residents.map((r) => r.id)),
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!._entities).toEqual(
      residents.map((r, index) => ({ id: r.id, jurisdiction: index === IMPERFECT.mistyped ? null : { gridId: r.gridId, communityId: r.grid.communityId } })),
    );
  });

  test("a household's is where its dwelling is, null for one the survey does not have; any number cost one call", async () => {
    const gridOf = new Map(street.buildings.map((b) => [b.id, b.gridId]));
    const communityOf = new Map(street.grids.map((g) => [g.id, g.communityId]));
    const ids = [...street.households.map((h) => h.id), 'H-NOWHERE'];
    let answer: { data?: { _entities: { id: string; jurisdiction: unknown }[] } | null } = {};
    const calls = await running.callsDuring(async () => {
      answer = await running.query(JURISDICTION('Household'), { r: ids.map((id) => ({ __typename: 'Household', id })) });
    });
    expect(calls).toBe(1);
    expect(answer.data!._entities).toEqual([
      ...street.households.map((h) => ({
        id: h.id,
        jurisdiction: { gridId: gridOf.get(h.buildingId), communityId: communityOf.get(gridOf.get(h.buildingId)!) },
      })),
      { id: 'H-NOWHERE', jurisdiction: null },
    ]);
  });
});

describe('Grid roster', () => {
  const ROSTER = `query ($id: ID!, $first: Int, $after: String) {
    grid(id: $id) { name residents(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id address categories grid { name } } } }
  }`;

  test('pages through the residents of a grid in survey order', async () => {
    const seen: { id: string; address?: string; categories?: string[]; grid?: { name: string } }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const answer: { data?: GridAnswer | null } = await running.query<GridAnswer>(ROSTER, { id: 'G01', first: 20, after });
      const residentsPage = answer.data!.grid!.residents;
      expect(residentsPage.totalCount).toBe(rosterOf('G01').length);
      seen.push(...residentsPage.nodes);
      if (!residentsPage.pageInfo.hasNextPage) break;
      after = residentsPage.pageInfo.endCursor;
    }
    expect(seen).toEqual(rosterOf('G01').map((r) => ({ id: r.id, address: r.grid.address, categories: categoriesOf(r), grid: { name: gridName('G01') } })));
  });

  test("a page's residents cost nothing beyond the page itself", async () => {
    const bare = await running.callsDuring(() => running.query(`{ grid(id: "G01") { residents(first: 1000) { nodes { id } } } }`));
    const full = await running.callsDuring(() => running.query(ROSTER, { id: 'G01', first: 1000 }));
    expect(bare).toBe(2);
    expect(full).toBe(bare);
  });

  test('first defaults to 50', async () => {
    const answer = await running.query<GridAnswer>(`{ grid(id: "G01") { residents { nodes { id } pageInfo { hasNextPage } } } }`);
    expect(answer.data!.grid!.residents.nodes).toHaveLength(50);
    expect(answer.data!.grid!.residents.pageInfo.hasNextPage).toBe(true);
  });

  test.each([
    ['first above 1000', { first: 1001 }],
    ['a negative first', { first: -1 }],
    ['an invented cursor', { after: 'bm90LWEtY3Vyc29y' }],
  ])('%s is BAD_USER_INPUT, and the subgraph keeps answering', async (_label, variables) => {
    const answer = await running.query<GridAnswer>(ROSTER, { id: 'G01', ...variables });
    expect(answer.data?.grid ?? null).toBeNull();
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect((await running.query<GridAnswer>(ROSTER, { id: 'G02', first: 1 })).data!.grid!.residents.totalCount).toBe(rosterOf('G02').length);
  });

  test("a cursor of another grid's roster is BAD_USER_INPUT", async () => {
    const g02 = await running.query<GridAnswer>(ROSTER, { id: 'G02', first: 1 });
    const answer = await running.query<GridAnswer>(ROSTER, { id: 'G01', first: 1, after: g02.data!.grid!.residents.pageInfo.endCursor });
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('grids and communities', () => {
  test('a community lists its grids, each with its community and grid workers', async () => {
    const answer = await running.query<{
      community: { name: string; grids: { id: string; name: string; community: { id: string }; gridWorkers: { id: string; name: string }[] }[] };
    }>(`{ community(id: "C01") { name grids { id name community { id } gridWorkers { id name } } } }`);
    expect(answer.data!.community).toEqual({
      name: communityName('C01'),
      grids: street.grids
        .filter((g) => g.communityId === 'C01')
        .map((g) => ({
          id: g.id,
          name: g.name,
          community: { id: 'C01' },
          gridWorkers: street.gridWorkers.filter((w) => w.gridIds.includes(g.id)).map(({ id, name }) => ({ id, name })),
        })),
    });
  });

  test('Grid and Community entities resolve by key, null when unknown', async () => {
    const answer = await running.query<{ _entities: ({ id: string; name: string; areaSquareMetres?: number } | null)[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Grid { id name areaSquareMetres } ... on Community { id name } } }`,
      {
        r: [
          { __typename: 'Grid', id: 'G03' },
          { __typename: 'Community', id: 'C02' },
          { __typename: 'Grid', id: 'G99' },
        ],
      },
    );
    expect(answer.data!._entities).toEqual([{ id: 'G03', name: gridName('G03'), areaSquareMetres: 52_000 }, { id: 'C02', name: communityName('C02') }, null]);
  });

  test('unknown ids answer null', async () => {
    const answer = await running.query(`{ grid(id: "G99") { name } community(id: "C99") { name } }`);
    expect(answer).toEqual({ status: 200, data: { grid: null, community: null } });
  });
});

describe('an unreachable grid database', () => {
  let down: RunningSubgraph;
  beforeAll(async () => {
    down = await startRunningSubgraph(population, { databaseUrl: 'postgresql://postgres@127.0.0.1:1/test' });
  });
  afterAll(async () => {
    await down?.close();
  });

  const ASK = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { id address grid { name } } } }`;

  test("answers the resident's nullable grid fields with null, serving nothing", async () => {
    const answer = await down.query<{ _entities: { id: string; address: string | null; grid: unknown }[] }>(ASK, {
      r: residentRepresentations([residents[0]!.id]),
    });
    expect(answer.data!._entities).toEqual([{ id: residents[0]!.id, address: null, grid: null }]);
    expect(answer.errors).toHaveLength(2);
    expect(down.audit.entries).toEqual([]);
  });

  // The policy's rule cannot find the resident's jurisdiction: it refuses with the department's own code.
  test('says why with DEPARTMENT_UNAVAILABLE', async () => {
    const answer = await down.query(ASK, { r: residentRepresentations([residents[0]!.id]) });
    expect(new Set(answer.errors?.map((error) => error.extensions?.code))).toEqual(new Set(['DEPARTMENT_UNAVAILABLE']));
  });

  test('answers the jurisdiction others require with null and DEPARTMENT_UNAVAILABLE, so their checks fail closed', async () => {
    const answer = await down.query<{ _entities: { jurisdiction: unknown }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { jurisdiction { gridId } } } }`,
      {
        r: residentRepresentations([residents[0]!.id]),
      },
    );
    expect(answer.data!._entities).toEqual([{ jurisdiction: null }]);
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['DEPARTMENT_UNAVAILABLE']);
  });

  test('answers a grid with null and DEPARTMENT_UNAVAILABLE', async () => {
    const answer = await down.query(`{ grid(id: "G01") { name } }`);
    expect(answer.data).toEqual({ grid: null });
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['DEPARTMENT_UNAVAILABLE']);
  });
});
