import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFamilyPlanningAdapter, type FamilyPlanningAdapter } from '@resident-graph/adapter-family-planning';
import { startStandIn, writeStandInData, type StandInServer } from '@resident-graph/adapter-family-planning/stand-in';
import type { StandInFault } from '@resident-graph/adapter-kit';
import type { RunningServer } from '@resident-graph/service-kit';
import { populationJurisdiction, recordingAuditWriter } from '@resident-graph/subgraph-kit/testing';
import { type Caller } from '@resident-graph/trust';
import { createTestTrust, type TestTrust } from '@resident-graph/trust/testing';
import { familyPlanningSubgraph } from '../src';
import { expectedSection } from './fixtures/expectedSection';
import { postGraphQL, representation } from './fixtures/subgraphClient';
import { subgraphPopulation } from './fixtures/subgraphPopulation';

const population = subgraphPopulation();
/** A street-wide family-planning officer: every field, every resident. */
const officer: Caller = { subject: 'officer-fp', role: 'department-officer', department: 'family-planning', grids: [], community: null };
let trust: TestTrust;
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
        dataQualityIssues { department kind storedId recordReference nameOnRecord }
      }
    }
  }
}`;

async function entities(representations: ReturnType<typeof representation>[]) {
  return postGraphQL<{ _entities: ({ id: string; familyPlanning: unknown } | null)[] }>(
    subgraph.url,
    ENTITIES,
    { representations },
    await trust.gatewayHeaders(officer),
  );
}

async function setFault(fault: StandInFault): Promise<void> {
  await fetch(`${standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify(fault) });
}

beforeAll(async () => {
  trust = await createTestTrust();
  dataDir = await mkdtemp(path.join(tmpdir(), 'family-planning-subgraph-'));
  await writeStandInData(population, dataDir);
  standIn = await startStandIn({ dataDir, port: 0 });
  adapter = createFamilyPlanningAdapter({ baseUrl: standIn.url, retries: 0 });
  await adapter.refreshIndex();
  subgraph = await familyPlanningSubgraph.start({
    port: 0,
    adapter,
    audit: recordingAuditWriter(),
    gatewayPublicKey: trust.gatewayPublicKey,
    jurisdiction: populationJurisdiction(population),
  });
});

afterAll(async () => {
  await subgraph.close();
  await adapter.close();
  await standIn.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(trust.keysDir, { recursive: true, force: true });
});

afterEach(() => setFault({ kind: 'none' }));

describe('family-planning subgraph', () => {
  it("answers _entities with each resident's section as the generated data has it", async () => {
    const answer = await entities(population.residents.map((person) => representation(person)));

    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities).toEqual(population.residents.map((person) => ({ id: person.id, familyPlanning: expectedSection(population, person) })));
  });

  it('batches every representation of a request into one adapter call, with a fresh loader per request', async () => {
    const representations = population.residents.map((person) => representation(person));
    const before = adapter.callsMade();

    await entities(representations);
    expect(adapter.callsMade() - before).toBe(1);
    await entities(representations);
    expect(adapter.callsMade() - before).toBe(2);
  });

  it('resolves a representation keyed by a 15-digit ID to the canonical resident', async () => {
    const elder = population.residents[1]!;
    const id15 = elder.id.slice(0, 6) + elder.id.slice(8, 17);

    const answer = await entities([representation(elder, id15)]);

    expect(answer.data?._entities).toEqual([{ id: elder.id, familyPlanning: expectedSection(population, elder) }]);
  });

  it.each([
    [{ kind: 'unavailable' } as StandInFault, 'DEPARTMENT_UNAVAILABLE'],
    [{ kind: 'malformed' } as StandInFault, 'DEPARTMENT_BAD_RESPONSE'],
  ])('answers the section null with %j as %s, and the resident still answers', async (fault, code) => {
    const [person] = population.residents;
    await setFault(fault);

    const answer = await entities([representation(person!)]);

    expect(answer.data?._entities).toEqual([{ id: person!.id, familyPlanning: null }]);
    expect(answer.errors).toEqual([expect.objectContaining({ path: ['_entities', 0, 'familyPlanning'], extensions: expect.objectContaining({ code }) })]);
  });

  it('publishes Resident as an entity keyed by id with a nullable familyPlanning section, needing nothing but the key', async () => {
    const { sdl } = await familyPlanningSubgraph.buildSchema();

    expect(sdl).toMatch(/type Resident @key\(fields: "id"\) \{\s+id: CitizenId!\s+(""".*"""\s+)?familyPlanning: FamilyPlanningSection\n/s);
    expect(sdl).not.toContain('jurisdiction');
    expect(sdl).toContain('children: [ChildRecord!]!');
    expect(sdl).toMatch(/citizenId: CitizenId\n/);
  });
});
