import { getNamedType, isObjectType, isUnionType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import type { Access, Audience } from '../policy';
import type { ExpectedAccess } from './expectedAccess';

/**
 * What a subgraph's permissions test derives its expectations from: the access written by
 * hand for each field (never the table under test), and the schema's shape to reach every
 * field and read it back. Independent of the policy machinery under test.
 */

/** One field on the way from `Query` to the field a row of the table is about. */
export interface Step {
  type: string;
  field: string;
}

export type Refusal = 'FORBIDDEN' | 'OUT_OF_JURISDICTION' | 'PURPOSE_REQUIRED';

/** The expected access to one field for one audience; a field without a row is denied. */
export function accessOf(expected: ExpectedAccess, { type, field }: Step, audience: Audience): Access {
  return expected.table[type]?.[field]?.[audience] ?? 'deny';
}

/** What the expected access says of one field for one audience, in the order the rules ask: role, purpose, jurisdiction. */
export function refusalOf(expected: ExpectedAccess, step: Step, audience: Audience, purpose: boolean, inside: boolean): Refusal | null {
  const granted = accessOf(expected, step, audience);
  if (granted === 'deny') return 'FORBIDDEN';
  if (granted === 'allow') return null;
  if (!purpose) return 'PURPOSE_REQUIRED';
  if (expected.jurisdictionChecked.includes(step.type) && !inside) return 'OUT_OF_JURISDICTION';
  return null;
}

/**
 * How each object type is reached: entity types through `_entities` (where the gateway
 * reaches them, with their jurisdiction), the rest by the shortest walk from `Query` and
 * from those.
 */
export function routesOf(schema: GraphQLSchema, entityTypes: string[] = []): Map<string, Step[]> {
  const routes = new Map<string, Step[]>([['Query', []]]);
  for (const entity of entityTypes) routes.set(entity, [{ type: 'Query', field: '_entities' }]);
  const queue = ['Query', ...entityTypes];
  for (let typeName = queue.shift(); typeName; typeName = queue.shift()) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      for (const target of isUnionType(named) ? named.getTypes() : isObjectType(named) ? [named] : []) {
        if (routes.has(target.name)) continue;
        routes.set(target.name, [...routes.get(typeName)!, { type: typeName, field: field.name }]);
        queue.push(target.name);
      }
    }
  }
  return routes;
}

export function fieldTypeOf(schema: GraphQLSchema, { type, field }: Step): GraphQLNamedType {
  const objectType = schema.getType(type);
  if (!isObjectType(objectType)) throw new Error(`${type} is not an object type`);
  return getNamedType(objectType.getFields()[field]!.type);
}

/** The selection reaching the last step, its arguments taken from variables of the same name, objects closed with `__typename`. */
export function selectionOf(schema: GraphQLSchema, steps: Step[]): string {
  const [step, ...rest] = steps as [Step, ...Step[]];
  const named = fieldTypeOf(schema, step);
  const objectType = schema.getType(step.type);
  const args = isObjectType(objectType) ? objectType.getFields()[step.field]!.args : [];
  const argList = args.length > 0 ? `(${args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  if (rest.length === 0) return `${step.field}${argList}${isObjectType(named) || isUnionType(named) ? ' { __typename }' : ''}`;
  const inner = selectionOf(schema, rest);
  return `${step.field}${argList} { ${isUnionType(named) ? `... on ${rest[0]!.type} { ${inner} }` : inner} }`;
}

/** The whole operation for `steps`, declaring the variables its root field takes. */
export function operationOf(schema: GraphQLSchema, steps: Step[]): string {
  const root = (schema.getQueryType()!.getFields()[steps[0]!.field]!.args ?? []).map((arg) => `$${arg.name}: ${String(arg.type)}`);
  return `query${root.length > 0 ? ` (${root.join(', ')})` : ''} { ${selectionOf(schema, steps)} }`;
}

/** The truth reshaped to the selection: nulls stay null, lists map, the leaf as `leaf` makes it. */
export function project(value: unknown, fields: string[], leaf: (value: unknown) => unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((item) => project(item, fields, leaf));
  const [head, ...rest] = fields;
  if (head === undefined) return leaf(value);
  return { [head]: project((value as Record<string, unknown>)[head], rest, leaf) };
}

/** What the answer holds along `fields`: null as soon as anything on the way is null. */
export function reach(value: unknown, fields: string[]): unknown {
  if (value === null || value === undefined) return null;
  const [head, ...rest] = fields;
  if (head === undefined) return value;
  if (Array.isArray(value)) return value.some((item) => reach(item, fields) === null) ? null : value.map((item) => reach(item, fields));
  return reach((value as Record<string, unknown>)[head], rest);
}

/**
 * The expected verdict on reading `steps` below `truth`: refused at the first step it
 * refuses among the steps any object actually reaches (a null or an empty list reaches
 * none, so the fields below it are never asked).
 */
export function verdictOf(expected: ExpectedAccess, truth: unknown, steps: Step[], audience: Audience, purpose: boolean, inside: boolean): Refusal | null {
  let nodes = [truth];
  for (const step of steps) {
    if (nodes.length === 0) return null;
    const refusal = refusalOf(expected, step, audience, purpose, inside);
    if (refusal) return refusal;
    nodes = nodes.flatMap((node) => {
      const value = (node as Record<string, unknown>)[step.field];
      return value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
    });
  }
  return null;
}
