import { fetchKey, planCost, walkPlan, type PlanNode } from '../src/queryPlan';

const fetch = (serviceName: string, operation: string): PlanNode => ({ kind: 'Fetch', serviceName, operation });

// root → (a ‖ (b → c)) → d, as Apollo nests a plan with @requires.
const plan: PlanNode = {
  kind: 'Sequence',
  nodes: [
    fetch('root', 'q0'),
    {
      kind: 'Parallel',
      nodes: [
        { kind: 'Flatten', node: fetch('a', 'q1') },
        { kind: 'Sequence', nodes: [fetch('b', 'q2'), { kind: 'Flatten', node: fetch('c', 'q3') }] },
      ],
    },
    fetch('d', 'q4'),
  ],
};

describe('query plans', () => {
  it('costs a sequence as the sum and a parallel group as its longest branch', () => {
    const cost: Record<string, number> = {
      [fetchKey('root', 'q0')]: 10,
      [fetchKey('a', 'q1')]: 25,
      [fetchKey('b', 'q2')]: 15,
      [fetchKey('c', 'q3')]: 20,
      [fetchKey('d', 'q4')]: 5,
    };
    expect(planCost(plan, (key) => cost[key]!)).toBe(10 + Math.max(25, 15 + 20) + 5);
    cost[fetchKey('a', 'q1')] = 40;
    expect(planCost(plan, (key) => cost[key]!)).toBe(10 + 40 + 5);
  });

  it('walks fetches in order, a parallel group started together', async () => {
    const events: string[] = [];
    await walkPlan(plan, async (key) => {
      const name = key.split('\n')[0]!;
      events.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, name === 'a' ? 30 : 5));
      events.push(`end ${name}`);
    });
    expect(events).toEqual(['start root', 'end root', 'start a', 'start b', 'end b', 'start c', 'end c', 'end a', 'start d', 'end d']);
  });

  it('refuses a plan node it does not know', () => {
    expect(() => planCost({ kind: 'Defer' } as unknown as PlanNode, () => 1)).toThrow('Defer');
  });
});
