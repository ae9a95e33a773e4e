import { getNamedType, isObjectType, isUnionType, type GraphQLSchema } from 'graphql';
import type { Access, Audience } from '../policy';
import type { ExpectedAccess } from './expectedAccess';

/**
 * What the policy conformance suite (tests/e2e/policyConformance.e2e.ts) derives its
 * expectations from: the access written by hand for each field (never the table under
 * test), and the schema's shape to reach every field. Independent of the policy machinery
 * under test.
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
