import type { Caller } from '@resident-graph/trust';
import { labourSubgraph } from '@resident-graph/subgraph-labour';
import { fixedJurisdiction } from '@resident-graph/subgraph-kit/testing';
import { expectedSection } from './fixtures/expectedSection';
import { startLabourHarness, type LabourHarness } from './fixtures/labourHarness';
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

/** A street-wide labour officer: the one audience that may read the whole section. */
const LABOUR_OFFICER: Caller = { subject: 'officer-labour', role: 'department-officer', department: 'labour', grids: [], community: null };

type Entities = { _entities: ({ id: string; labour: Record<string, unknown> | null } | null)[] };

describe('labour subgraph', () => {
  const population = labourPopulation(30);
  let harness: LabourHarness;

  beforeAll(async () => {
    const placedInG1 = new Map(population.residents.map((resident) => [resident.id, { gridId: 'G1', communityId: 'C1' }]));
    harness = await startLabourHarness(population, fixedJurisdiction(placedInG1));
  });
  afterEach(() => fetch(`${harness.standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify({ kind: 'none' }) }));
  afterAll(() => harness.close());

  async function entities(ids: string[]) {
    const representations = ids.map((id) => ({ __typename: 'Resident', id }));
    return harness.post<Entities>(ENTITIES, { representations }, await harness.trust.gatewayHeaders(LABOUR_OFFICER));
  }

  it('publishes the LabourSection contract on the Resident entity, needing nothing but its key', async () => {
    const { sdl } = await labourSubgraph.buildSchema();
    expect(sdl).toContain('type Resident @key(fields: "id")');
    expect(sdl).not.toContain('jurisdiction');
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
    await fetch(`${harness.standIn.url}/__control/calls`, { method: 'DELETE' });
    const before = harness.adapter.callsMade();
    const ids = population.residents.slice(0, 20).map((resident) => resident.id);

    const answer = await entities(ids);

    expect(answer.data?._entities).toHaveLength(20);
    expect(harness.adapter.callsMade() - before).toBe(1);
    const standInCalls = (await (await fetch(`${harness.standIn.url}/__control/calls`)).json()) as Record<string, number>;
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
  ])(
    'answers the section null with %s error code when the bureau fails',
    async (_name, fault, code) => {
      await fetch(`${harness.standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify(fault) });
      const resident = population.residents.find((r) => r.labour && r.imperfections.length === 0)!;

      const answer = await entities([resident.id]);

      expect(answer.data?._entities).toEqual([{ id: resident.id, labour: null }]);
      expect(answer.errors).toEqual([expect.objectContaining({ path: ['_entities', 0, 'labour'], extensions: expect.objectContaining({ code }) })]);
    },
    15_000,
  );
});
