import { directCost, fetchSlots } from '../src/fetchSlots';
import { fetchKey, type QueryPlan } from '../src/queryPlan';
import type { SubgraphFetch } from '../src/recordSubgraphFetches';

const ROOT = 'query Resident__ps__0($id: CitizenId!) { resident(id: $id) { id } }';
const ENTITIES = (fields: string) =>
  `query Resident__x__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { ${fields} } } }`;

const fetchOf = (subgraph: string, query: string, id: string): SubgraphFetch => ({
  subgraph,
  url: `http://127.0.0.1:1/${subgraph}`,
  body: { query, variables: { id } },
  response: '{}',
});

describe('fetch slots', () => {
  const operations = ['A', 'B'].map((id) => [
    fetchOf('public-security', ROOT, id),
    fetchOf('grid', ENTITIES('jurisdiction'), id),
    fetchOf('public-security', ENTITIES('household'), id),
    fetchOf('labour', ENTITIES('labour'), id),
  ]);

  it('groups each plan fetch across operations, names repeat visits, knows the root', () => {
    const slots = fetchSlots(operations);
    expect(slots.map((slot) => [slot.name, slot.root, slot.bodies.map((body) => body.variables.id)])).toEqual([
      ['public-security #1', true, ['A', 'B']],
      ['grid #1', false, ['A', 'B']],
      ['public-security #2', false, ['A', 'B']],
      ['labour #1', false, ['A', 'B']],
    ]);
  });

  it("gives the issue's yardstick and the plan's critical path from each fetch's p50", () => {
    const plan: QueryPlan = {
      node: {
        kind: 'Sequence',
        nodes: [
          { kind: 'Fetch', serviceName: 'public-security', operation: ROOT },
          { kind: 'Fetch', serviceName: 'grid', operation: ENTITIES('jurisdiction') },
          {
            kind: 'Parallel',
            nodes: [
              { kind: 'Fetch', serviceName: 'public-security', operation: ENTITIES('household') },
              { kind: 'Fetch', serviceName: 'labour', operation: ENTITIES('labour') },
            ],
          },
        ],
      },
    };
    const p50 = {
      [fetchKey('public-security', ROOT)]: 8,
      [fetchKey('grid', ENTITIES('jurisdiction'))]: 20,
      [fetchKey('public-security', ENTITIES('household'))]: 30,
      [fetchKey('labour', ENTITIES('labour'))]: 12,
    };
    const slots = fetchSlots(operations).map((slot) => ({ key: slot.key, root: slot.root, p50: p50[slot.key]! }));
    expect(directCost(plan, slots)).toEqual({ rootPlusSlowestEntity: 8 + 30, criticalPath: 8 + 20 + 30 });
  });
});
