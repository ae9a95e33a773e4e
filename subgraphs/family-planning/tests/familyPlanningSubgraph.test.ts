import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFamilyPlanningAdapter, type FamilyPlanningAdapter } from '@resident-graph/adapter-family-planning';
import { startStandIn, writeStandInData, type StandInServer } from '@resident-graph/adapter-family-planning/stand-in';
import type { StandInFault } from '@resident-graph/adapter-kit';
import type { TruthResident } from '@resident-graph/schemas';
import type { RunningServer } from '@resident-graph/service-kit';
import { buildFamilyPlanningSchema, startFamilyPlanningSubgraph } from '../src';
import { subgraphPopulation } from './fixtures/subgraphPopulation';

const population = subgraphPopulation();
let dataDir: string;
let standIn: StandInServer;
let adapter: FamilyPlanningAdapter;
let subgraph: RunningServer;

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Resident {
      id
      familyPlanning {
        onRecord nameOnRecord childBearingAge
        children { citizenId resident { id } name gender birthDate }
        birthRegistrations { registrationNumber registeredOn childOrder }
        onlyChildCertificate { certificateNumber issuedOn }
        rewardSupport { since amountPerYear }
        dataQualityIssues { department kind storedId nameOnRecord }
      }
    }
  }
}`;

interface GraphQLAnswer {
  data?: { _entities: ({ id: string; familyPlanning: unknown } | null)[] };
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

async function entities(ids: readonly string[]): Promise<GraphQLAnswer> {
  const response = await fetch(subgraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: ENTITIES, variables: { representations: ids.map((id) => ({ __typename: 'Resident', id })) } }),
  });
  return (await response.json()) as GraphQLAnswer;
}

/** The section the graph should answer, as the truth and family planning's imperfections decide it. */
function expectedSection(person: TruthResident) {
  const own = person.imperfections.filter((imperfection) => imperfection.department === 'family-planning');
  const storedName = own.flatMap((imperfection) => (imperfection.kind === 'NAME_VARIANT' ? [imperfection.storedName] : []))[0];
  const mistyped = own.find((imperfection) => imperfection.kind === 'ID_TYPO');
  const legacy = own.find((imperfection) => imperfection.kind === 'ID_15_DIGIT');
  const record = mistyped ? null : person.familyPlanning;
  const nameOnRecord = storedName ?? person.name;
  return {
    onRecord: record !== null,
    nameOnRecord: record ? nameOnRecord : null,
    childBearingAge: record?.childBearingAge ?? false,
    children: (record?.children ?? []).map((child) => ({
      citizenId: child.id,
      resident: child.id === null ? null : { id: child.id },
      name: child.name,
      gender: child.gender,
      birthDate: child.birthDate,
    })),
    birthRegistrations: record?.birthRegistrations ?? [],
    onlyChildCertificate: record?.onlyChildCertificate ?? null,
    rewardSupport: record?.rewardSupport ?? null,
    dataQualityIssues: [
      ...(legacy ? [{ department: 'FAMILY_PLANNING', kind: 'LEGACY_15_DIGIT_ID', storedId: legacy.storedId, nameOnRecord }] : []),
      ...(mistyped ? [{ department: 'FAMILY_PLANNING', kind: 'INVALID_CITIZEN_ID', storedId: mistyped.storedId, nameOnRecord }] : []),
    ],
  };
}

async function setFault(fault: StandInFault): Promise<void> {
  await fetch(`${standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify(fault) });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'family-planning-subgraph-'));
  await writeStandInData(population, dataDir);
  standIn = await startStandIn({ dataDir, port: 0 });
  adapter = createFamilyPlanningAdapter({ baseUrl: standIn.url, retries: 0 });
  await adapter.refreshIndex();
  subgraph = await startFamilyPlanningSubgraph({ port: 0, adapter });
});

afterAll(async () => {
  await subgraph.close();
  await adapter.close();
  await standIn.close();
  await rm(dataDir, { recursive: true, force: true });
});

afterEach(() => setFault({ kind: 'none' }));

describe('family-planning subgraph', () => {
  it("answers _entities with each resident's section as the generated data has it", async () => {
    const ids = population.residents.map((person) => person.id);

    const answer = await entities(ids);

    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities).toEqual(population.residents.map((person) => ({ id: person.id, familyPlanning: expectedSection(person) })));
  });

  it('batches every representation of a request into one adapter call, with a fresh loader per request', async () => {
    const ids = population.residents.map((person) => person.id);
    const before = adapter.callsMade();

    await entities(ids);
    expect(adapter.callsMade() - before).toBe(1);
    await entities(ids);
    expect(adapter.callsMade() - before).toBe(2);
  });

  it('resolves a representation keyed by a 15-digit ID to the canonical resident', async () => {
    const elder = population.residents[1]!;
    const id15 = elder.id.slice(0, 6) + elder.id.slice(8, 17);

    const answer = await entities([id15]);

    expect(answer.data?._entities).toEqual([{ id: elder.id, familyPlanning: expectedSection(elder) }]);
  });

  it.each([
    [{ kind: 'unavailable' } as StandInFault, 'DEPARTMENT_UNAVAILABLE'],
    [{ kind: 'malformed' } as StandInFault, 'DEPARTMENT_BAD_RESPONSE'],
  ])('answers the section null with %j as %s, and the resident still answers', async (fault, code) => {
    const [person] = population.residents;
    await setFault(fault);

    const answer = await entities([person!.id]);

    expect(answer.data?._entities).toEqual([{ id: person!.id, familyPlanning: null }]);
    expect(answer.errors).toEqual([expect.objectContaining({ path: ['_entities', 0, 'familyPlanning'], extensions: expect.objectContaining({ code }) })]);
  });

  it('publishes Resident as an entity keyed by id with a nullable familyPlanning section', async () => {
    const { sdl } = await buildFamilyPlanningSchema();

    expect(sdl).toMatch(/type Resident @key\(fields: "id"\) \{\s+id: CitizenId!\s+(""".*"""\s+)?familyPlanning: FamilyPlanningSection\n/s);
    expect(sdl).toContain('children: [ChildRecord!]!');
    expect(sdl).toMatch(/citizenId: CitizenId\n/);
  });
});
