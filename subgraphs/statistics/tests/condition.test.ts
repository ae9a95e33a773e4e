import { GraphQLError } from 'graphql';
import { canonicalForm, checkCondition, checkInput, MAX_CONDITION_DEPTH, MAX_CONDITION_LEAVES, questionKeyOf } from '../src/condition';
import type { ResidentCondition, StatisticsInput } from '../src/statistics.types';

const refusal = (work: () => unknown): { message: string; code: unknown; path: unknown } => {
  try {
    work();
  } catch (error) {
    if (error instanceof GraphQLError) return { message: error.message, code: error.extensions.code, path: error.extensions.argumentPath };
    throw error;
  }
  throw new Error('no refusal');
};
const laidOff: ResidentCondition = { fact: { employmentStatus: 'LAID_OFF' } };
const nested = (depth: number): ResidentCondition => (depth === 1 ? laidOff : { not: nested(depth - 1) });

describe('a question is checked before any department is asked', () => {
  it.each<[string, ResidentCondition, string]>([
    ['an empty all', { all: [] }, 'input.where.all: an empty all has no meaning'],
    ['an empty any', { all: [laidOff, { any: [] }] }, 'input.where.all[1].any: an empty any has no meaning'],
    [
      'a condition with two members',
      { all: [laidOff], fact: { disabled: true } },
      'input.where: a condition has exactly one of all, any, not, fact; found all, fact',
    ],
    ['a condition with none', { any: [laidOff, {}] }, 'input.where.any[1]: a condition has exactly one of all, any, not, fact; found none'],
    ['a fact with no member', { fact: {} }, 'input.where.fact: a fact has exactly one member, found none'],
    ['a fact with two members', { fact: { disabled: true, gender: 'MALE' } }, 'input.where.fact: a fact has exactly one member, found 2 (disabled, gender)'],
    ['an empty age range', { fact: { age: { atLeast: 60, below: 18 } } }, 'input.where.fact.age: the range from 60 to below 18 is empty'],
    ['an equal age range', { fact: { age: { atLeast: 18, below: 18 } } }, 'input.where.fact.age: the range from 18 to below 18 is empty'],
    ['an age range with no bound', { fact: { age: {} } }, 'input.where.fact.age: an age range needs atLeast, below or both'],
    ['a negative age', { fact: { age: { atLeast: -1 } } }, 'input.where.fact.age.atLeast: -1 is not an age from 0 to 150'],
    ['a child under 0 years', { not: { fact: { hasChildUnder: 0 } } }, 'input.where.not.fact.hasChildUnder: 0 is not a number of years from 1 to 150'],
  ])('refuses %s as BAD_USER_INPUT saying where', (_, where, message) => {
    const refused = refusal(() => checkCondition(where));
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.message.startsWith(message)).toBe(true);
    expect(refused.path).toBe(message.slice(0, message.indexOf(':')));
  });

  it(`takes ${MAX_CONDITION_DEPTH} levels and refuses a ninth`, () => {
    expect(checkCondition(nested(MAX_CONDITION_DEPTH)).leaves).toHaveLength(1);
    expect(refusal(() => checkCondition(nested(MAX_CONDITION_DEPTH + 1))).message).toBe(
      `input.where${'.not'.repeat(MAX_CONDITION_DEPTH)}: conditions nest at most ${MAX_CONDITION_DEPTH} deep`,
    );
  });

  it(`takes ${MAX_CONDITION_LEAVES} facts and refuses the next`, () => {
    expect(checkCondition({ any: Array.from({ length: MAX_CONDITION_LEAVES }, () => laidOff) }).leaves).toHaveLength(MAX_CONDITION_LEAVES);
    expect(refusal(() => checkCondition({ any: Array.from({ length: MAX_CONDITION_LEAVES + 1 }, () => laidOff) })).message).toBe(
      `input.where.any[${MAX_CONDITION_LEAVES}]: a question has at most ${MAX_CONDITION_LEAVES} facts`,
    );
  });

  it('asks departments positive facts only: false is the complement', () => {
    const { condition, leaves } = checkCondition({ all: [{ fact: { receivesMinimumLivingAllowance: false } }, { fact: { disabled: true } }, laidOff] });
    expect(leaves).toEqual([
      { owner: 'civil-affairs', fact: { receivesMinimumLivingAllowance: true } },
      { owner: 'civil-affairs', fact: { disabled: true } },
      { owner: 'labour', fact: { employmentStatus: 'LAID_OFF' } },
    ]);
    expect(condition).toEqual({
      kind: 'all',
      of: [
        { kind: 'not', of: { kind: 'fact', owner: 'civil-affairs', fact: { receivesMinimumLivingAllowance: true }, leaf: 0 } },
        { kind: 'fact', owner: 'civil-affairs', fact: { disabled: true }, leaf: 1 },
        { kind: 'fact', owner: 'labour', fact: { employmentStatus: 'LAID_OFF' }, leaf: 2 },
      ],
    });
  });

  it('counts everyone in the jurisdiction when no condition is given', () => {
    expect(checkCondition(null)).toEqual({ condition: { kind: 'everyone' }, leaves: [] });
  });

  it('refuses a dimension given twice and a date after today, and takes today by default', () => {
    const input = (fields: Partial<StatisticsInput>): StatisticsInput => ({ count: 'RESIDENTS', groupBy: [], ...fields });
    expect(refusal(() => checkInput(input({ groupBy: ['GRID', 'GENDER', 'GRID'] }), '2026-12-07')).message).toBe('input.groupBy: GRID is given twice');
    expect(refusal(() => checkInput(input({ asOf: '2026-12-08' }), '2026-12-07')).path).toBe('input.asOf');
    expect(checkInput(input({}), '2026-12-07')).toEqual({ asOf: '2026-12-07' });
    expect(checkInput(input({ asOf: '2019-06-30' }), '2026-12-07')).toEqual({ asOf: '2019-06-30' });
  });
});

describe("a question's key for the perturbation", () => {
  const key = (where: ResidentCondition, unit = 'RESIDENTS', asOf = '2026-06-30') => questionKeyOf(checkCondition(where).condition, unit, asOf);
  const disabled: ResidentCondition = { fact: { disabled: true } };

  it('is the same however the same question is written: order, nesting, repeats, double negation', () => {
    const plain = key({ all: [laidOff, disabled] });
    expect(key({ all: [disabled, laidOff] })).toBe(plain);
    expect(key({ all: [{ all: [laidOff] }, disabled, disabled] })).toBe(plain);
    expect(key({ all: [{ not: { not: laidOff } }, disabled] })).toBe(plain);
    expect(canonicalForm(checkCondition({ fact: { receivesMinimumLivingAllowance: false } }).condition)).toBe('not(receivesMinimumLivingAllowance=true)');
  });

  it('differs for another question, unit or date', () => {
    const plain = key({ all: [laidOff, disabled] });
    expect(key({ any: [laidOff, disabled] })).not.toBe(plain);
    expect(key({ all: [laidOff, { not: disabled }] })).not.toBe(plain);
    expect(key({ all: [laidOff, disabled] }, 'HOUSEHOLDS')).not.toBe(plain);
    expect(key({ all: [laidOff, disabled] }, 'RESIDENTS', '2020-01-01')).not.toBe(plain);
    expect(key({ fact: { age: { atLeast: 18 } } })).not.toBe(key({ fact: { age: { below: 18 } } }));
  });
});
