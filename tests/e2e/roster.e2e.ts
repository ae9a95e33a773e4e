import type { Caller } from '@resident-graph/trust';
import {
  callsDuring,
  comparableRecord,
  expectedRecord,
  flagsOf,
  FLAG_FIELDS,
  graphql,
  IDENTITY_FIELDS,
  IDENTITY_KEYS,
  pick,
  readStreet,
  readTruth,
  requestHeaders,
  startTestStack,
  TruthIndex,
  type TestStack,
} from '../support';

// A grid worker's roster: identity and every section's front-line flags. It lists people,
// not their households' members: each member would be a person of another page, looked up again.
const ROSTER_FIELDS = `${IDENTITY_FIELDS.replace('members { relationToHead resident { id } }', '')} ${FLAG_FIELDS}`;

const ROSTER_QUERY = `query Roster($grid: ID!, $first: Int!, $after: String) {
  grid(id: $grid) {
    id name
    residents(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ${ROSTER_FIELDS} }
    }
  }
}`;

interface RosterAnswer {
  grid: { residents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Record<string, any>[] } };
}

describe('a grid roster with every section', () => {
  let stack: TestStack;
  let headers: Record<string, string>;
  let truth: TruthIndex;

  beforeAll(async () => {
    stack = await startTestStack();
    truth = new TruthIndex(readTruth(stack.dataDir), readStreet(stack.dataDir));
    const worker: Caller = {
      subject: 'grid-worker-1',
      role: 'grid-worker',
      department: null,
      grids: truth.street.grids.slice(0, 2).map((grid) => grid.id),
      community: null,
    };
    headers = await requestHeaders(stack, worker, 'HOME_VISIT');
    // The adapters read their invalid-ID lists on first use; that is start-up, not a page.
    await graphql(stack.gatewayUrl, ROSTER_QUERY, { grid: truth.street.grids[1]!.id, first: 1 }, headers);
  });
  afterAll(async () => {
    await stack?.stopAll();
  });

  it('costs at most one batch call per department system per page of 200, and every node is right', async () => {
    const gridId = truth.street.grids[0]!.id;
    const inGrid = truth.residents.filter((resident) => resident.grid.gridId === gridId);
    expect(inGrid.length).toBeGreaterThan(400);

    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    do {
      let answer: RosterAnswer | undefined;
      const calls = await callsDuring(stack, async () => {
        const response = await graphql<RosterAnswer>(stack.gatewayUrl, ROSTER_QUERY, { grid: gridId, first: 200, after }, headers);
        expect(response.errors).toBeUndefined();
        answer = response.data!;
      });
      const { nodes, totalCount, pageInfo } = answer!.grid.residents;
      expect(totalCount).toBe(inGrid.length);
      expect(nodes.length).toBe(Math.min(200, inGrid.length - seen.size));

      expect(calls['public-security persons']).toBe(1);
      expect(calls['public-security households']).toBeLessThanOrEqual(1);
      expect(calls['civil-affairs']).toBe(1);
      expect(calls['family-planning']).toBe(1);
      expect(calls.labour).toBeLessThanOrEqual(1);
      // The grid database answers the grid itself and the page (with its count): two queries.
      expect(calls.grid).toBeLessThanOrEqual(2);

      for (const node of nodes) {
        expect(seen.has(node.id)).toBe(false);
        seen.add(node.id);
        const resident = truth.byId.get(node.id);
        expect(resident?.grid.gridId).toBe(gridId);
        const expected = expectedRecord(resident!, truth);
        const { household } = expected;
        expect(pick(comparableRecord(node), [...IDENTITY_KEYS, 'civilAffairs', 'familyPlanning', 'labour'])).toEqual({
          ...pick(expected, IDENTITY_KEYS),
          household: household && { id: household.id, registeredAddress: household.registeredAddress },
          ...flagsOf(expected),
        });
      }
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
      pages++;
    } while (after);

    expect(pages).toBe(Math.ceil(inGrid.length / 200));
    expect([...seen].sort()).toEqual(inGrid.map((resident) => resident.id).sort());
  });

  it('refuses a page larger than the limit with BAD_USER_INPUT', async () => {
    const response = await graphql(stack.gatewayUrl, ROSTER_QUERY, { grid: truth.street.grids[0]!.id, first: 1001 }, headers);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a forged cursor with BAD_USER_INPUT', async () => {
    const response = await graphql(stack.gatewayUrl, ROSTER_QUERY, { grid: truth.street.grids[0]!.id, first: 10, after: 'not-a-cursor' }, headers);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
