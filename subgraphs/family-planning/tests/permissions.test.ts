import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getNamedType, getNullableType, isListType, isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';
import { createFamilyPlanningAdapter, type FamilyPlanningAdapter } from '@resident-graph/adapter-family-planning';
import { startStandIn, writeStandInData, type StandInServer } from '@resident-graph/adapter-family-planning/stand-in';
import { maskCitizenId, type TruthResident } from '@resident-graph/schemas';
import type { RunningServer } from '@resident-graph/service-kit';
import { AUDIENCES, type Audience } from '@resident-graph/subgraph-kit';
import { accessOf, populationJurisdiction, recordingAuditWriter, refusalOf, type Refusal, type Step as TableStep } from '@resident-graph/subgraph-kit/testing';
import { type Caller, type Purpose } from '@resident-graph/trust';
import { createTestTrust, type TestTrust } from '@resident-graph/trust/testing';
import { familyPlanningSubgraph } from '../src';
import { expectedAccess } from './fixtures/expectedAccess';
import { expectedSection } from './fixtures/expectedSection';
import { postGraphQL, representation, type GraphQLAnswer } from './fixtures/subgraphClient';
import { PLACES, subgraphPopulation, type Place } from './fixtures/subgraphPopulation';

// Expectations come from the access written by hand, never from the table under test.
const { table, personalTypes } = expectedAccess;
const population = subgraphPopulation();
const PURPOSE: Purpose = { code: 'CASE_REVIEW', reference: 'JS-2026-0042' };

interface CallerCase {
  audience: Audience;
  caller: Caller;
  /** The caller's reach, stated here independently of the code under test. */
  reaches(place: Place): boolean;
}

const CALLERS: CallerCase[] = [
  {
    audience: 'grid-worker',
    caller: { subject: 'gw-01', role: 'grid-worker', department: null, grids: ['G01'], community: null },
    reaches: (place) => place.gridId === 'G01',
  },
  {
    audience: 'window-clerk',
    caller: { subject: 'clerk-01', role: 'window-clerk', department: null, grids: [], community: 'C01' },
    reaches: (place) => place.communityId === 'C01',
  },
  {
    audience: 'own-officer',
    caller: { subject: 'fp-01', role: 'department-officer', department: 'family-planning', grids: [], community: 'C01' },
    reaches: (place) => place.communityId === 'C01',
  },
  {
    audience: 'other-officer',
    caller: { subject: 'ca-01', role: 'department-officer', department: 'civil-affairs', grids: ['G01', 'G02'], community: null },
    reaches: (place) => place.gridId === 'G01' || place.gridId === 'G02',
  },
  { audience: 'analyst', caller: { subject: 'an-01', role: 'analyst', department: null, grids: [], community: null }, reaches: () => false },
  { audience: 'auditor', caller: { subject: 'au-01', role: 'auditor', department: null, grids: [], community: null }, reaches: () => false },
];
const callerOf = (audience: Audience) => CALLERS.find((entry) => entry.audience === audience)!;

/** One field on the way from an operation's root to the field a table row is about. */
interface Step extends TableStep {
  nullable: boolean;
  list: boolean;
  itemNullable: boolean;
  /** The field's type when it is an object type: asked for by `__typename` when the step is the last. */
  objectType: string | null;
}

/** A table row, and how to reach its field: from `Query`, or from a `Resident` through `_entities`. */
interface Probe {
  row: string;
  viaEntities: boolean;
  steps: Step[];
}

const ROWS = Object.entries(table).flatMap(([typeName, fields]) => Object.keys(fields).map((field) => `${typeName}.${field}`));

function stepOf(schema: GraphQLSchema, typeName: string, field: string): Step {
  const type = schema.getType(typeName);
  const definition = isObjectType(type) ? type.getFields()[field] : undefined;
  if (!definition) throw new Error(`the table lists ${typeName}.${field}, which the schema does not have`);
  const nullableType = getNullableType(definition.type);
  const named = getNamedType(definition.type);
  return {
    type: typeName,
    field,
    nullable: !isNonNullType(definition.type),
    list: isListType(nullableType),
    itemNullable: isListType(nullableType) && !isNonNullType(nullableType.ofType),
    objectType: isObjectType(named) ? named.name : null,
  };
}

/** The shortest chain of object fields from `root` to each type it reaches. */
function pathsFrom(schema: GraphQLSchema, root: string): Map<string, Step[]> {
  const paths = new Map<string, Step[]>([[root, []]]);
  const queue = [root];
  for (let typeName = queue.shift(); typeName !== undefined; typeName = queue.shift()) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const field of Object.keys(type.getFields())) {
      const step = stepOf(schema, typeName, field);
      if (step.objectType === null || paths.has(step.objectType)) continue;
      paths.set(step.objectType, [...paths.get(typeName)!, step]);
      queue.push(step.objectType);
    }
  }
  return paths;
}

function probesOf(schema: GraphQLSchema): Probe[] {
  const fromResident = pathsFrom(schema, 'Resident');
  const fromQuery = pathsFrom(schema, 'Query');
  return ROWS.map((row) => {
    const [typeName, field] = row.split('.') as [string, string];
    if (row === 'Query._entities') return { row, viaEntities: true, steps: [] };
    const viaEntities = fromResident.has(typeName);
    const prefix = viaEntities ? fromResident.get(typeName) : fromQuery.get(typeName);
    if (!prefix) throw new Error(`no way to reach ${typeName} from Query or Resident`);
    return { row, viaEntities, steps: [...prefix, stepOf(schema, typeName, field)] };
  });
}

function selectionOf(steps: Step[]): string {
  return steps.reduceRight((inner, step) => `${step.field}${inner ? ` { ${inner} }` : step.objectType ? ' { __typename }' : ''}`, '');
}

function operationOf(probe: Probe): string {
  if (!probe.viaEntities) return `{ ${selectionOf(probe.steps)} }`;
  return `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { ${selectionOf(probe.steps) || '__typename'} } } }`;
}

/** A resident as the subgraph holds it, whole: what any answer must be a part of. */
const truthOf = (person: TruthResident) => ({
  id: person.id,
  jurisdiction: { gridId: person.grid.gridId, communityId: person.grid.communityId },
  familyPlanning: expectedSection(population, person),
});
const placeOf = (person: TruthResident): Place => ({ gridId: person.grid.gridId, communityId: person.grid.communityId });

interface Expectation {
  data: unknown;
  /** `CODE path`, list positions below the entity as `*`: one refusal per field, however many list items it hit. */
  errors: Set<string>;
  served: Map<string, Set<string>>;
}

/** The root of every entity probe; the rest of its path starts at `Resident`. */
const stepOfEntities: Step = { type: 'Query', field: '_entities', nullable: false, list: true, itemNullable: true, objectType: null };

const NULLED = Symbol('null, to be carried up to the nearest nullable field');

/**
 * The answer the table promises for one probe, caller and purpose: each field on the way
 * is refused (`FORBIDDEN`, `PURPOSE_REQUIRED`, `OUT_OF_JURISDICTION`) or served as the
 * table says, and a refused field's null travels up as GraphQL carries it.
 */
function expectation(probe: Probe, who: CallerCase, purpose: Purpose | null): Expectation {
  const errors = new Set<string>();
  const served = new Map<string, Set<string>>();

  const refusal = (step: Step, person: TruthResident | null): Refusal | null => {
    const refused = refusalOf(expectedAccess, step, who.audience, purpose !== null, person !== null && who.reaches(placeOf(person)));
    if (refused) return refused;
    const audited = accessOf(expectedAccess, step, who.audience) !== 'allow' && personalTypes.includes(step.type);
    if (person && audited) served.set(person.id, (served.get(person.id) ?? new Set()).add(`${step.type}.${step.field}`));
    return null;
  };

  const leaf = (step: Step, value: unknown): unknown => {
    if (step.objectType) return { __typename: step.objectType };
    return table[step.type]![step.field]![who.audience] === 'mask' ? maskCitizenId(value as string) : value;
  };

  const resolve = (parent: Record<string, unknown>, steps: Step[], path: (string | number)[], person: TruthResident | null): unknown => {
    const [step, ...rest] = steps as [Step, ...Step[]];
    const fieldPath = [...path, step.field];
    const refused = refusal(step, person);
    if (refused) {
      errors.add(`${refused} ${fieldPath.join('.')}`);
      return step.nullable ? null : NULLED;
    }
    const value = parent[step.field];
    if (value === null || value === undefined) return null;
    const complete = (item: unknown, itemPath: (string | number)[]) => {
      if (rest.length === 0) return leaf(step, item);
      const inner = resolve(item as Record<string, unknown>, rest, itemPath, person);
      return inner === NULLED ? NULLED : { [rest[0]!.field]: inner };
    };
    let completed: unknown;
    if (step.list) {
      const items = (value as unknown[]).map((item) => complete(item, [...fieldPath, '*']));
      completed = step.itemNullable ? items.map((item) => (item === NULLED ? null : item)) : items.includes(NULLED) ? NULLED : items;
    } else {
      completed = complete(value, fieldPath);
    }
    return completed === NULLED ? (step.nullable ? null : NULLED) : completed;
  };

  const object = (steps: Step[], value: unknown) => (value === NULLED ? null : { [steps[0]!.field]: value });
  if (!probe.viaEntities) {
    return { data: object(probe.steps, resolve({ _service: { sdl: expect.any(String) } }, probe.steps, [], null)), errors, served };
  }
  const entitiesRefused = refusal(stepOfEntities, null);
  if (entitiesRefused) return { data: null, errors: new Set([`${entitiesRefused} _entities`]), served };
  const entities = population.residents.map((person, i) =>
    probe.steps.length === 0 ? { __typename: 'Resident' } : object(probe.steps, resolve(truthOf(person), probe.steps, ['_entities', i], person)),
  );
  return { data: { _entities: entities }, errors, served };
}

const errorKeys = (answer: GraphQLAnswer) =>
  new Set(
    (answer.errors ?? []).map(
      (error) => `${error.extensions?.code} ${(error.path ?? []).map((part, i) => (typeof part === 'number' && i > 1 ? '*' : part)).join('.')}`,
    ),
  );

let trust: TestTrust;
let forger: TestTrust;
let dataDir: string;
let standIn: StandInServer;
let adapter: FamilyPlanningAdapter;
let subgraph: RunningServer;
let probes: Probe[];
const audit = recordingAuditWriter();

async function ask(probe: Probe, caller: Caller, purpose: Purpose | null): Promise<GraphQLAnswer> {
  const variables = probe.viaEntities ? { representations: population.residents.map((person) => representation(person)) } : {};
  return postGraphQL(subgraph.url, operationOf(probe), variables, await trust.gatewayHeaders(caller, purpose));
}

const SECTION = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Resident { id familyPlanning { onRecord dataQualityIssues { kind storedId } } } }
}`;

async function askSections(people: TruthResident[], headers: Record<string, string>) {
  type Section = { onRecord: boolean; dataQualityIssues: { kind: string; storedId: string }[] } | null;
  return postGraphQL<{ _entities: { id: string; familyPlanning: Section }[] }>(
    subgraph.url,
    SECTION,
    { representations: people.map((person) => representation(person)) },
    headers,
  );
}

const inPlace = (place: Place, index = 0) => population.residents.filter((person) => person.grid.gridId === place.gridId && person.familyPlanning)[index]!;
const legacyElder = (place: Place) =>
  population.residents.find(
    (person) => person.grid.gridId === place.gridId && person.imperfections.some((imperfection) => imperfection.kind === 'ID_15_DIGIT'),
  )!;

beforeAll(async () => {
  trust = await createTestTrust();
  forger = await createTestTrust();
  probes = probesOf((await familyPlanningSubgraph.buildSchema()).schema);
  dataDir = await mkdtemp(path.join(tmpdir(), 'family-planning-permissions-'));
  await writeStandInData(population, dataDir);
  standIn = await startStandIn({ dataDir, port: 0 });
  adapter = createFamilyPlanningAdapter({ baseUrl: standIn.url, retries: 0 });
  await adapter.refreshIndex();
  subgraph = await familyPlanningSubgraph.start({
    port: 0,
    adapter,
    audit,
    gatewayPublicKey: trust.gatewayPublicKey,
    jurisdiction: populationJurisdiction(population),
  });
});

afterAll(async () => {
  await subgraph.close();
  await adapter.close();
  await standIn.close();
  await Promise.all([dataDir, trust.keysDir, forger.keysDir].map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the family-planning policy table', () => {
  it('has a row for every field of every type the subgraph serves, and none for fields it does not have', async () => {
    const { schema } = await familyPlanningSubgraph.buildSchema();
    const served = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) => (isObjectType(type) ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : []));

    expect([...ROWS].sort()).toEqual(served.sort());
  });

  it('names every access for every audience', () => {
    for (const fields of Object.values(table)) for (const access of Object.values(fields)) expect(Object.keys(access).sort()).toEqual([...AUDIENCES].sort());
    expect(CALLERS.map((entry) => entry.audience).sort()).toEqual([...AUDIENCES].sort());
  });

  it('is exercised inside and outside every reach: each row has a value at home and elsewhere, and each caller reaches home only', () => {
    const valueOn = (probe: Probe, person: TruthResident) =>
      probe.steps
        .slice(0, -1)
        .reduce<unknown[]>((values, step) => values.flatMap((value) => [(value as Record<string, unknown>)[step.field]].flat()), [truthOf(person)])
        .some((value) => value != null);
    for (const probe of probes.filter((candidate) => candidate.viaEntities && candidate.steps.length > 0)) {
      for (const place of [PLACES.home, PLACES.elsewhere]) {
        const people = population.residents.filter((person) => person.grid.gridId === place.gridId);
        expect({ row: probe.row, place, reached: people.some((person) => valueOn(probe, person)) }).toEqual({ row: probe.row, place, reached: true });
      }
    }
    for (const who of CALLERS.filter((entry) => entry.audience !== 'analyst' && entry.audience !== 'auditor')) {
      expect([who.reaches(PLACES.home), who.reaches(PLACES.elsewhere)]).toEqual([true, false]);
    }
  });
});

describe.each(CALLERS.map((who) => [who.audience, who] as const))('through _entities directly, as %s', (_audience, who) => {
  it.each(ROWS)('answers %s as the table says, with and without a purpose', async (row) => {
    const probe = probes.find((candidate) => candidate.row === row)!;
    for (const purpose of [PURPOSE, null]) {
      const expected = expectation(probe, who, purpose);
      const entriesBefore = audit.entries.length;

      const answer = await ask(probe, who.caller, purpose);

      expect({ purpose, data: answer.data, errors: errorKeys(answer) }).toEqual({ purpose, data: expected.data, errors: expected.errors });
      const entries = audit.entries.slice(entriesBefore);
      if (expected.served.size === 0) {
        expect(entries).toEqual([]);
      } else {
        expect(entries).toEqual([
          expect.objectContaining({
            residentIds: [...expected.served.keys()].sort(),
            fields: [...new Set([...expected.served.values()].flatMap((fields) => [...fields]))].sort(),
          }),
        ]);
      }
    }
  });
});

describe('the gateway context', () => {
  const contexts: [string, () => Promise<Record<string, string>>][] = [
    ['no gateway context', async () => ({})],
    ['a context that is not a token', async () => ({ 'x-gateway-context': 'forged' })],
    ['a context signed with another key', () => forger.gatewayHeaders(callerOf('own-officer').caller, PURPOSE)],
  ];
  it.each(contexts)('refuses %s with 401 UNAUTHENTICATED and no data', async (_case, headers) => {
    const answer = await askSections([inPlace(PLACES.home)], await headers());

    expect(answer.status).toBe(401);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('without a purpose, answers no section, each refused with PURPOSE_REQUIRED, and audits nothing', async () => {
    const people = [inPlace(PLACES.home), inPlace(PLACES.home, 1)];
    const entriesBefore = audit.entries.length;

    const answer = await askSections(people, await trust.gatewayHeaders(callerOf('own-officer').caller, null));

    expect(answer.data?._entities).toEqual(people.map((person) => ({ id: person.id, familyPlanning: null })));
    expect(answer.errors?.map((error) => [error.path, error.extensions?.code])).toEqual(
      people.map((_person, i) => [['_entities', i, 'familyPlanning'], 'PURPOSE_REQUIRED']),
    );
    expect(audit.entries.length).toBe(entriesBefore);
  });
});

describe('masking', () => {
  it("shows a stored key whole to family planning's officers and masked to the rest of the front line", async () => {
    const elder = legacyElder(PLACES.home);
    const stored = expectedSection(population, elder).dataQualityIssues[0]!.storedId;
    const storedIdAs = async (audience: Audience) =>
      (await askSections([elder], await trust.gatewayHeaders(callerOf(audience).caller, PURPOSE))).data?._entities[0]?.familyPlanning?.dataQualityIssues[0]
        ?.storedId;

    expect(await storedIdAs('own-officer')).toBe(stored);
    for (const audience of ['grid-worker', 'window-clerk', 'other-officer'] as const) {
      expect(await storedIdAs(audience)).toBe(maskCitizenId(stored));
    }
    expect(maskCitizenId(stored)).not.toContain(stored.slice(6, -4));
  });
});

describe('the audit trail', () => {
  afterEach(() => {
    audit.failing = false;
  });

  it('writes one entry for a request that served a section: who, why, which residents and fields', async () => {
    const inside = [inPlace(PLACES.home), inPlace(PLACES.home, 1)];
    const outside = inPlace(PLACES.elsewhere);
    const { caller } = callerOf('grid-worker');
    const entriesBefore = audit.entries.length;

    const answer = await askSections([...inside, outside], await trust.gatewayHeaders(caller, PURPOSE));

    expect(answer.data?._entities.map((entity) => entity.familyPlanning !== null)).toEqual([true, true, false]);
    expect(audit.entries.slice(entriesBefore)).toEqual([
      expect.objectContaining({
        subgraph: 'family-planning',
        subject: caller.subject,
        role: caller.role,
        department: null,
        purposeCode: PURPOSE.code,
        purposeReference: PURPOSE.reference,
        residentIds: inside.map((person) => person.id).sort(),
        fields: ['Resident.familyPlanning'],
      }),
    ]);
  });

  it.each([
    [
      'only keys are asked for',
      'grid-worker',
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { id } } }`,
    ],
    ['every section is refused', 'analyst', SECTION],
  ] as const)('writes nothing when %s', async (_case, audience, query) => {
    const entriesBefore = audit.entries.length;

    const answer = await postGraphQL(
      subgraph.url,
      query,
      { representations: [representation(inPlace(PLACES.home))] },
      await trust.gatewayHeaders(callerOf(audience).caller, PURPOSE),
    );

    expect(answer.status).toBe(200);
    expect(audit.entries.length).toBe(entriesBefore);
  });

  it('withholds the data with AUDIT_UNAVAILABLE when the entry cannot be written', async () => {
    audit.failing = true;

    const answer = await askSections([inPlace(PLACES.home)], await trust.gatewayHeaders(callerOf('own-officer').caller, PURPOSE));

    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
  });
});
