import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
  parse,
  type GraphQLArgument,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import { DEPARTMENTS, type SubgraphEntry } from '@resident-graph/registry';
import type { TruthResident } from '@resident-graph/schemas';
import { REPO_ROOT, type Stack } from '@resident-graph/stack';
import { AUDIENCES, type Audience } from '@resident-graph/subgraph-kit';
import { accessOf, refusalOf, routesOf, type ExpectedAccess, type Refusal, type Step } from '@resident-graph/subgraph-kit/testing';
import { GATEWAY_CONTEXT_HEADER, hashBody, loadKey, signGatewayContext, STREET_UNITS, type Caller, type Purpose } from '@resident-graph/trust';
import type { GraphQLAnswer } from '@resident-graph/test-kit';

/**
 * The policy conformance suite's engine: every field a registered subgraph serves, asked
 * of that subgraph directly (through `_entities` or its own root fields, with a context
 * signed by the stack's gateway key) by every audience, with and without a purpose, for a
 * resident inside and one outside the caller's jurisdiction. What each answer must be
 * comes from the access the department wrote by hand (`tests/fixtures/expectedAccess.ts`
 * beside the subgraph's code), never from the table under test.
 */

/** Where a subgraph's hand-written access lives, by the registry's entry for it. */
export function expectedAccessFile(entry: SubgraphEntry): string {
  return path.join(REPO_ROOT, path.dirname(path.dirname(entry.entry)), 'tests', 'fixtures', 'expectedAccess.ts');
}

export async function loadExpectedAccess(entry: SubgraphEntry): Promise<ExpectedAccess> {
  const file = expectedAccessFile(entry);
  if (!existsSync(file)) throw new Error(`${entry.name}: no hand-written access at ${path.relative(REPO_ROOT, file)} (docs/onboarding.md)`);
  return ((await import(file)) as { expectedAccess: ExpectedAccess }).expectedAccess;
}

/** One row of a table, the way from `Query` to it, and where its parent objects were found. */
export interface Row {
  type: string;
  field: string;
  steps: Step[];
  /** The entity type `_entities` is asked for on the way, if the way begins there. */
  entity: string | null;
}

/** Every field the schema serves (a row of the table, or a field the table must deny), with the shortest way to ask it. */
export function rowsOf(schema: GraphQLSchema): Row[] {
  const entityType = schema.getType('_Entity');
  const entities = isUnionType(entityType) ? entityType.getTypes().map((type) => type.name) : [];
  const routes = routesOf(schema, entities);
  return [...routes.entries()].flatMap(([typeName, route]) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) return [];
    const entity = route[0]?.field === '_entities' ? (route[1]?.type ?? typeName) : typeName === 'Query' ? (entities[0] ?? null) : null;
    return Object.keys(type.getFields()).map((field) => ({ type: typeName, field, steps: [...route, { type: typeName, field }], entity }));
  });
}

/** A resident and the place everything keyed by them is found at: household, grid, community. */
export interface Subject {
  resident: TruthResident;
}

const KEY_OF: Record<string, (subject: Subject) => string | null> = {
  Resident: ({ resident }) => resident.id,
  Household: ({ resident }) => resident.publicSecurity.householdId,
  Grid: ({ resident }) => resident.grid.gridId,
  Community: ({ resident }) => resident.grid.communityId,
  // No stack this suite starts holds a reported change (a write it does not make): a report id nobody was given.
  ChangeReport: () => '00000000-0000-4000-8000-000000000000',
};

function keyOf(typeName: string, subject: Subject): string | null {
  const key = KEY_OF[typeName];
  if (!key) throw new Error(`the conformance suite cannot key a ${typeName}: add it to KEY_OF in tests/support/policyConformance.ts`);
  return key(subject);
}

/** A root field's or a nested field's argument, as the subject supplies it. */
function argumentValue(parentType: string, fieldType: string, arg: GraphQLArgument, subject: Subject): unknown {
  if (arg.name === 'residentId') return subject.resident.id;
  if (arg.name === 'id' && parentType === 'Query') return keyOf(fieldType, subject);
  if (arg.defaultValue !== undefined || !isNonNullType(arg.type)) return undefined;
  if (arg.name === 'first') return 5;
  // The subject's own name: a search inside their reach finds them.
  if (arg.name === 'name' && fieldType === 'ResidentMatches') return subject.resident.name;
  // Everyone in the caller's reach by grid: an answer with a cell, and a group in it, to witness every field.
  if (arg.name === 'input' && fieldType === 'Statistics') return { groupBy: [new EnumValue('GRID')] };
  throw new Error(`the conformance suite has no value for ${parentType}.${arg.name}: add it to argumentValue`);
}

/** An enum value, written bare in a GraphQL literal. */
class EnumValue {
  constructor(readonly name: string) {}
}

/** A GraphQL literal of a string, a number, an enum value, or a list or input object of them. */
const literal = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value)
    : value instanceof EnumValue
      ? value.name
      : Array.isArray(value)
        ? `[${value.map(literal).join(', ')}]`
        : typeof value === 'object' && value !== null
          ? `{ ${Object.entries(value)
              .map(([name, member]) => `${name}: ${literal(member)}`)
              .join(', ')} }`
          : String(value);

/**
 * The operation that reads `steps` and nothing else (an object at the end selects only
 * `__typename`, which no policy guards); its answer tells exactly what the policy did on
 * that way. `_entities` takes `$representations`; other arguments are written in.
 */
export function operationFor(schema: GraphQLSchema, steps: Step[], subject: Subject): string {
  const select = (index: number): string => {
    const step = steps[index]!;
    const parent = schema.getType(step.type);
    if (!isObjectType(parent)) throw new Error(`${step.type} is not an object type`);
    const field = parent.getFields()[step.field]!;
    const named = getNamedType(field.type);
    const args =
      step.field === '_entities'
        ? '(representations: $representations)'
        : field.args
            .map((arg) => [arg.name, argumentValue(step.type, named.name, arg, subject)] as const)
            .filter(([, value]) => value !== undefined)
            .map(([name, value]) => `${name}: ${literal(value)}`)
            .join(', ');
    const head = `${step.field}${args && !args.startsWith('(') ? `(${args})` : args}`;
    // An issue's department says whose policy shows it (a subgraph may list other departments' issues).
    if (index === steps.length - 1 && step.type === 'DataQualityIssue') return `${head} department`;
    if (index === steps.length - 1) return isObjectType(named) || isUnionType(named) ? `${head} { __typename }` : head;
    const inner = select(index + 1);
    return `${head} { ${isUnionType(named) ? `... on ${steps[index + 1]!.type} { ${inner} }` : inner} }`;
  };
  const entities = steps[0]?.field === '_entities';
  return `query${entities ? ' ($representations: [_Any!]!)' : ''} { ${select(0)} }`;
}

/** The representations `_entities` is asked for: the subject's key of the entity type the row's way begins at. */
export function variablesFor(schema: GraphQLSchema, row: Row, subjects: Subject[]): Record<string, unknown> {
  if (row.steps[0]?.field !== '_entities') return {};
  const required = requiredData(schema, row.entity!);
  return { representations: subjects.map((subject) => ({ __typename: row.entity, id: keyOf(row.entity!, subject), ...required(subject) })) };
}

/**
 * What the gateway adds to a representation for the entity's `@requires` fields, made up
 * from the schema: a citizen ID for every string (so masking shows), the first value of an
 * enum, one item in every list. The subgraph serves those fields from it, under its policy.
 */
function requiredData(schema: GraphQLSchema, entity: string): (subject: Subject) => Record<string, unknown> {
  const type = schema.getType(entity);
  if (!isObjectType(type)) return () => ({});
  const selections = Object.values(type.getFields()).flatMap((field) => {
    const requires = field.astNode?.directives?.find((directive) => directive.name.value === 'requires');
    const fields = requires?.arguments?.find((arg) => arg.name.value === 'fields')?.value;
    return fields?.kind === Kind.STRING ? [...(parse(`{ ${fields.value} }`).definitions[0] as OperationDefinitionNode).selectionSet.selections] : [];
  });
  const build = (parent: GraphQLObjectType, nodes: readonly SelectionNode[], subject: Subject): Record<string, unknown> =>
    Object.fromEntries(
      nodes.flatMap((node) => {
        if (node.kind !== Kind.FIELD) return [];
        const field = parent.getFields()[node.name.value]!;
        const named = getNamedType(field.type);
        const leaf =
          isObjectType(named) && node.selectionSet
            ? build(named, node.selectionSet.selections, subject)
            : isEnumType(named)
              ? named.getValues()[0]!.name
              : subject.resident.id;
        return [[node.name.value, isListType(isNonNullType(field.type) ? field.type.ofType : field.type) ? [leaf] : leaf]];
      }),
    );
  return (subject) => build(type, selections, subject);
}

/** The objects an answer holds along `fields` (lists flattened, nulls dropped). */
export function objectsAlong(value: unknown, fields: string[]): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item) => objectsAlong(item, fields));
  const [head, ...rest] = fields;
  if (head === undefined) return [value];
  return objectsAlong((value as Record<string, unknown>)[head], rest);
}

/** Field names of the answer along `steps`: `_entities` answers a list whose first item is the subject's. */
export const answerPath = (steps: Step[]): string[] => steps.map((step) => step.field);

/** Callers for each audience, the jurisdiction of each drawn around the subject inside. */
export function callersAround(inside: Subject, department: string | null): Partial<Record<Audience, Caller>> {
  const { gridId, communityId } = inside.resident.grid;
  const other = DEPARTMENTS.find((entry) => entry.id !== department && !STREET_UNITS.includes(entry.id))!.id;
  const callers: Partial<Record<Audience, Caller>> = {
    'grid-worker': { subject: 'conformance-worker', role: 'grid-worker', department: null, grids: [gridId], community: null },
    'window-clerk': { subject: 'conformance-clerk', role: 'window-clerk', department: null, grids: [], community: communityId },
    'other-officer': { subject: 'conformance-other', role: 'department-officer', department: other, grids: [], community: communityId },
    analyst: { subject: 'conformance-analyst', role: 'analyst', department: null, grids: [], community: null },
    auditor: { subject: 'conformance-auditor', role: 'auditor', department: null, grids: [], community: null },
  };
  if (department && !STREET_UNITS.includes(department))
    callers['own-officer'] = { subject: 'conformance-own', role: 'department-officer', department, grids: [], community: communityId };
  return callers;
}

/** What the hand-written access says one audience gets on `steps`: the first refusal on the way, or the field served. */
export function expectedVerdict(expected: ExpectedAccess, steps: Step[], audience: Audience, purpose: boolean, inside: boolean): Refusal | 'served' {
  for (const step of steps) {
    const refusal = refusalOf(expected, step, audience, purpose, inside);
    if (refusal) return refusal;
  }
  return 'served';
}

/** Audiences whose jurisdiction, drawn around one resident, covers the resident's whole community. */
const COMMUNITY_WIDE: readonly Audience[] = ['own-officer', 'window-clerk', 'other-officer', 'analyst', 'auditor'];

/** The audience to look for a row's parent objects as: one the hand-written access lets reach them, community-wide if any. */
export function audienceReaching(expected: ExpectedAccess, steps: Step[], department: string | null): Audience | null {
  const reaching = AUDIENCES.filter((audience) => expectedVerdict(expected, steps.slice(0, -1), audience, true, true) === 'served');
  const wide = reaching.filter(
    (audience) => COMMUNITY_WIDE.includes(audience) && (audience !== 'own-officer' || (department !== null && !STREET_UNITS.includes(department))),
  );
  return wide[0] ?? reaching[0] ?? null;
}

const CITIZEN_ID_LIKE = /^\d{6}[\d*]{8,11}[\dX*]$/;
const MASKED = /\*/;

/** Citizen IDs in a served value, each with whether it came masked. */
export function citizenIdsIn(value: unknown): { id: string; masked: boolean }[] {
  if (typeof value === 'string') return CITIZEN_ID_LIKE.test(value) ? [{ id: value, masked: MASKED.test(value) }] : [];
  if (Array.isArray(value)) return value.flatMap(citizenIdsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(citizenIdsIn);
  return [];
}

/** Whether the audience's access to the row asks for masking: the one thing a served answer must show. */
export const masksFor = (expected: ExpectedAccess, row: Row, audience: Audience): boolean => accessOf(expected, row, audience) === 'mask';

/** Asks a subgraph directly, as the gateway would: a context for this one body, signed by the stack's gateway key. */
export function subgraphAsker(stack: Stack) {
  let gatewayKey: Awaited<ReturnType<typeof loadKey>> | undefined;
  return async (entry: SubgraphEntry, query: string, variables: Record<string, unknown>, caller: Caller, purpose: Purpose | null): Promise<GraphQLAnswer> => {
    gatewayKey ??= await loadKey(stack.keysDir, 'gateway', 'private');
    const body = JSON.stringify({ query, variables });
    const context = await signGatewayContext(
      { caller, purpose, requestId: randomUUID(), operationId: 'policy-conformance', bodyHash: hashBody(body) },
      gatewayKey,
    );
    const response = await fetch(`http://127.0.0.1:${stack.ports.subgraphs[entry.name]!}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_CONTEXT_HEADER]: context },
      body,
    });
    return { status: response.status, ...((await response.json()) as object) } as GraphQLAnswer;
  };
}
