import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StandInServer } from '@resident-graph/adapter-kit';
import { createLabourAdapter, type LabourAdapter } from '@resident-graph/adapter-labour';
import { exportDirOf, startStandIn, writeStandInData } from '@resident-graph/adapter-labour/stand-in';
import type { TruthResident } from '@resident-graph/schemas';
import type { RunningServer } from '@resident-graph/service-kit';
import { buildLabourSchema, startLabourSubgraph } from '@resident-graph/subgraph-labour';
import { labourPopulation } from './fixtures/population';

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Resident {
      id
      labour {
        onRecord socialSecurityCardNumber employmentStatus laidOff registeredUnemployed
        unemploymentRegistration { registeredOn certificateNumber }
        insurance { type paidMonths active }
        skillCertificates { name level issuedOn }
        dataQualityIssues { department kind storedId recordReference nameOnRecord }
      }
    }
  }
}`;

interface GraphQLAnswer {
  data?: { _entities: ({ id: string; labour: Record<string, unknown> | null } | null)[] };
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** What the section must say, worked out from the truth the stand-in was written from. */
function expectedSection(resident: TruthResident) {
  const imperfection = resident.imperfections.find((i) => i.department === 'labour');
  const storedId = imperfection && 'storedId' in imperfection ? imperfection.storedId : '';
  const issue = (kind: string) => ({
    department: 'LABOUR',
    kind,
    storedId,
    recordReference: resident.labour!.socialSecurityCardNumber,
    nameOnRecord: resident.name,
  });
  const labour = imperfection?.kind === 'ID_TYPO' ? null : resident.labour;
  if (!labour) {
    return {
      onRecord: false,
      socialSecurityCardNumber: null,
      employmentStatus: 'UNKNOWN',
      laidOff: false,
      registeredUnemployed: false,
      unemploymentRegistration: null,
      insurance: [],
      skillCertificates: [],
      dataQualityIssues: imperfection?.kind === 'ID_TYPO' ? [issue('INVALID_CITIZEN_ID')] : [],
    };
  }
  return {
    onRecord: true,
    ...labour,
    registeredUnemployed: labour.employmentStatus === 'REGISTERED_UNEMPLOYED',
    dataQualityIssues: imperfection?.kind === 'ID_15_DIGIT' ? [issue('LEGACY_15_DIGIT_ID')] : [],
  };
}

describe('labour subgraph', () => {
  const population = labourPopulation(30);
  let dir: string;
  let standIn: StandInServer;
  let adapter: LabourAdapter;
  let subgraph: RunningServer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'labour-subgraph-'));
    await writeStandInData(population, dir);
    standIn = await startStandIn({ dataDir: dir, port: 0 });
    adapter = createLabourAdapter({ baseUrl: standIn.url, exportDir: exportDirOf(dir), timeoutMs: 500 });
    subgraph = await startLabourSubgraph({ port: 0, adapter });
  });
  afterEach(() => fetch(`${standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify({ kind: 'none' }) }));
  afterAll(async () => {
    await subgraph.close();
    await standIn.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function entities(ids: string[]): Promise<GraphQLAnswer> {
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: ENTITIES, variables: { representations: ids.map((id) => ({ __typename: 'Resident', id })) } }),
    });
    return (await response.json()) as GraphQLAnswer;
  }

  it('publishes the LabourSection contract on the Resident entity', async () => {
    const { sdl } = await buildLabourSchema();
    expect(sdl).toContain('type Resident @key(fields: "id")');
    expect(sdl).toMatch(/labour: LabourSection\n/);
    expect(sdl).toMatch(/employmentStatus: EmploymentStatus!/);
    expect(sdl).toMatch(/unemploymentRegistration: UnemploymentRegistration\n/);
  });

  it('answers _entities with each resident’s section as the truth has it', async () => {
    const answer = await entities(population.residents.map((resident) => resident.id));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities).toEqual(population.residents.map((resident) => ({ id: resident.id, labour: expectedSection(resident) })));
  });

  it('batches N representations into one adapter call and one call to the bureau', async () => {
    await fetch(`${standIn.url}/__control/calls`, { method: 'DELETE' });
    const before = adapter.callsMade();
    const ids = population.residents.slice(0, 20).map((resident) => resident.id);

    const answer = await entities(ids);

    expect(answer.data?._entities).toHaveLength(20);
    expect(adapter.callsMade() - before).toBe(1);
    const standInCalls = (await (await fetch(`${standIn.url}/__control/calls`)).json()) as Record<string, number>;
    expect(standInCalls['cards.query']).toBe(1);
  });

  it('finds a resident represented by a 15-digit ID under the 18-character one', async () => {
    const resident = population.residents.find((r) => r.labour && r.imperfections.length === 0)!;
    const id15 = `${resident.id.slice(0, 6)}${resident.id.slice(8, 17)}`;
    const answer = await entities([id15]);
    expect(answer.data?._entities).toEqual([{ id: resident.id, labour: expectedSection(resident) }]);
  });

  it.each([
    ['unavailable', { kind: 'unavailable' }, 'DEPARTMENT_UNAVAILABLE'],
    ['slow', { kind: 'slow', delayMs: 800 }, 'DEPARTMENT_TIMEOUT'],
    ['malformed', { kind: 'malformed' }, 'DEPARTMENT_BAD_RESPONSE'],
  ])('answers the section null with %s error code when the bureau fails', async (_name, fault, code) => {
    await fetch(`${standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify(fault) });
    const resident = population.residents.find((r) => r.labour && r.imperfections.length === 0)!;

    const answer = await entities([resident.id]);

    expect(answer.data?._entities).toEqual([{ id: resident.id, labour: null }]);
    expect(answer.errors).toEqual([expect.objectContaining({ path: ['_entities', 0, 'labour'], extensions: expect.objectContaining({ code }) })]);
  }, 15_000);
});
