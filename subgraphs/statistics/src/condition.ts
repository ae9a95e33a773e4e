import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { FACT_OWNERS, type FactName, type ResidentFact } from '@resident-graph/schemas';
import type { ResidentCondition, StatisticsInput } from './statistics.types';

/** Deepest nesting of conditions (the root is level 1) and most facts in one question. */
export const MAX_CONDITION_DEPTH = 8;
export const MAX_CONDITION_LEAVES = 64;
const MAX_AGE = 150;

/** A checked condition: facts positive only, each numbered for the department that owns it. */
export type Condition =
  | { kind: 'all' | 'any'; of: Condition[] }
  | { kind: 'not'; of: Condition }
  | { kind: 'fact'; owner: string; fact: ResidentFact; leaf: number }
  | { kind: 'everyone' };

const badInput = (path: string, message: string) => new GraphQLError(`${path}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argumentPath: path } });

const membersOf = (value: object) =>
  Object.entries(value)
    .filter(([, member]) => member !== null && member !== undefined)
    .map(([name]) => name);

function checkFact(fact: ResidentFact, path: string): { name: FactName; fact: ResidentFact; negated: boolean } {
  const members = membersOf(fact) as FactName[];
  if (members.length !== 1)
    throw badInput(path, `a fact has exactly one member, found ${members.length === 0 ? 'none' : `${members.length} (${members.join(', ')})`}`);
  const [name] = members as [FactName];
  if (name === 'age') {
    const { atLeast, below } = fact.age!;
    if (atLeast == null && below == null) throw badInput(`${path}.age`, 'an age range needs atLeast, below or both');
    for (const [bound, value] of [
      ['atLeast', atLeast],
      ['below', below],
    ] as const)
      if (value != null && (value < 0 || value > MAX_AGE)) throw badInput(`${path}.age.${bound}`, `${value} is not an age from 0 to ${MAX_AGE}`);
    if (atLeast != null && below != null && atLeast >= below) throw badInput(`${path}.age`, `the range from ${atLeast} to below ${below} is empty`);
  }
  if (name === 'hasChildUnder' && (fact.hasChildUnder! < 1 || fact.hasChildUnder! > MAX_AGE))
    throw badInput(`${path}.hasChildUnder`, `${fact.hasChildUnder} is not a number of years from 1 to ${MAX_AGE}`);
  // A department answers who holds a fact; "false" is everyone else in the jurisdiction.
  if (name === 'receivesMinimumLivingAllowance' || name === 'disabled') return { name, fact: { [name]: true }, negated: fact[name] === false };
  return { name, fact: { [name]: fact[name] } as ResidentFact, negated: false };
}

/**
 * Checks a question's condition tree and numbers its facts. Each fault is `BAD_USER_INPUT`
 * naming where it is (`input.where.all[1].fact`).
 */
export function checkCondition(where: ResidentCondition | null | undefined): { condition: Condition; leaves: { owner: string; fact: ResidentFact }[] } {
  const leaves: { owner: string; fact: ResidentFact }[] = [];
  const walk = (node: ResidentCondition, path: string, depth: number): Condition => {
    if (depth > MAX_CONDITION_DEPTH) throw badInput(path, `conditions nest at most ${MAX_CONDITION_DEPTH} deep`);
    const members = membersOf(node);
    if (members.length !== 1)
      throw badInput(path, `a condition has exactly one of all, any, not, fact; found ${members.length === 0 ? 'none' : members.join(', ')}`);
    if (node.fact) {
      if (leaves.length === MAX_CONDITION_LEAVES) throw badInput(path, `a question has at most ${MAX_CONDITION_LEAVES} facts`);
      const { name, fact, negated } = checkFact(node.fact, `${path}.fact`);
      const leaf: Condition = { kind: 'fact', owner: FACT_OWNERS[name], fact, leaf: leaves.length };
      leaves.push({ owner: FACT_OWNERS[name], fact });
      return negated ? { kind: 'not', of: leaf } : leaf;
    }
    if (node.not) return { kind: 'not', of: walk(node.not, `${path}.not`, depth + 1) };
    const kind = node.all ? 'all' : 'any';
    const children = node[kind]!;
    if (children.length === 0) throw badInput(`${path}.${kind}`, `an empty ${kind} has no meaning: give at least one condition`);
    return { kind, of: children.map((child, index) => walk(child, `${path}.${kind}[${index}]`, depth + 1)) };
  };
  return { condition: where ? walk(where, 'input.where', 1) : { kind: 'everyone' }, leaves };
}

/** The other checks of the input: dimensions once each, and no date in the future. */
export function checkInput(input: StatisticsInput, today: string): { asOf: string } {
  const seen = new Set<string>();
  for (const dimension of input.groupBy) {
    if (seen.has(dimension)) throw badInput('input.groupBy', `${dimension} is given twice`);
    seen.add(dimension);
  }
  const asOf = input.asOf ?? today;
  if (asOf > today) throw badInput('input.asOf', `${asOf} is after today (${today}): counts are of what departments hold, not forecasts`);
  return { asOf };
}

/**
 * A condition's canonical form: nested `all`s (and `any`s) flattened, members sorted and
 * each once, `not not` removed, each fact written one way. Two ways of writing the same
 * question that differ only so get the same form (and so the same perturbation).
 */
export function canonicalForm(condition: Condition): string {
  switch (condition.kind) {
    case 'everyone':
      return '*';
    case 'fact': {
      const [name, value] = Object.entries(condition.fact).find(([, member]) => member != null)!;
      return `${name}=${name === 'age' ? `${(value as { atLeast?: number | null }).atLeast ?? ''}..${(value as { below?: number | null }).below ?? ''}` : String(value)}`;
    }
    case 'not':
      return condition.of.kind === 'not' ? canonicalForm(condition.of.of) : `not(${canonicalForm(condition.of)})`;
    case 'all':
    case 'any': {
      const members = condition.of.flatMap((member) => (member.kind === condition.kind ? member.of : [member])).map(canonicalForm);
      const distinct = [...new Set(members)].sort();
      return distinct.length === 1 ? distinct[0]! : `${condition.kind}(${distinct.join(',')})`;
    }
  }
}

/** The question's key for the perturbation: its unit, date and canonical condition, hashed to 32 bits. */
export const questionKeyOf = (condition: Condition, unit: string, asOf: string): number =>
  createHash('sha256')
    .update(`${unit}|${asOf}|${canonicalForm(condition)}`)
    .digest()
    .readUInt32LE(0);
