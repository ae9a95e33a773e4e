import { createCivilAffairsAdapter, type CivilAffairsAdapter } from '@resident-graph/adapter-civil-affairs';
import type { TruthCivilAffairs, TruthResident } from '@resident-graph/schemas';
import type { RunningServer } from '@resident-graph/service-kit';
import { fixedJurisdiction, recordingAuditWriter } from '@resident-graph/subgraph-kit/testing';
import { civilAffairsSubgraph } from '@resident-graph/subgraph-civil-affairs';
import { createTestTrust, type TestTrust } from '@resident-graph/trust/testing';
import { askSubgraph, type GraphQLAnswer } from './fixtures/askSubgraph';
import { CALLERS, INSIDE } from './fixtures/callers';
import { civilAffairsPopulation } from './fixtures/population';
import { startStandInBureau, type StandInBureau } from './fixtures/standInBureau';

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Resident {
      id
      civilAffairs {
        onRecord receivesMinimumLivingAllowance extremeHardship disabilityGrade
        allowanceCases { caseNumber kind status since amountPerMonth reviews { reviewNumber reason registeredOn status memberId } }
        disability { certificateNumber category grade issuedOn }
        elderlyAllowance { since amountPerMonth }
        veteranBenefit { category since }
        marriages { registeredOn kind spouseName spouseId }
        dataQualityIssues { department kind storedId recordReference nameOnRecord }
      }
    }
  }
}`;

interface Issue {
  department: string;
  kind: string;
  storedId: string;
  recordReference: string;
  nameOnRecord: string | null;
}
interface Section {
  onRecord: boolean;
  dataQualityIssues: Issue[];
  [field: string]: unknown;
}
/** The grid survey places every one of `residents` inside the officer's community. */
const placedInside = (residents: { id: string }[]) => fixedJurisdiction(new Map(residents.map(({ id }) => [id, INSIDE])));

type Entities = { _entities: ({ id: string; civilAffairs: Section | null } | null)[] };

/** As the gateway asks: signed for the bureau's own officer, each resident by key. */
async function askEntities(trust: TestTrust, subgraph: RunningServer, ids: string[]): Promise<GraphQLAnswer<Entities>> {
  const representations = ids.map((id) => ({ __typename: 'Resident', id }));
  return askSubgraph<Entities>(subgraph, ENTITIES, { representations }, await trust.gatewayHeaders(CALLERS['own-officer']));
}

/** Rows the bureau holds for these facts: case memberships, certificate, allowance, benefit, registrations. */
function rowsOf(facts: TruthCivilAffairs | null): number {
  if (!facts) return 0;
  return facts.allowanceCases.length + facts.marriages.length + [facts.disability, facts.elderlyAllowance, facts.veteranBenefit].filter(Boolean).length;
}

/** The section apart from its issues, worked out from the truth the stand-in was written from. */
function expectedSection(resident: TruthResident) {
  const typo = resident.imperfections.some((i) => i.department === 'civil-affairs' && i.kind === 'ID_TYPO');
  const facts = typo ? null : resident.civilAffairs;
  const inForce = (kind: string) => facts?.allowanceCases.some((c) => c.kind === kind && c.status === 'ACTIVE') ?? false;
  return {
    // The bureau keeps rows, not people: a truth entry without a single fact leaves none.
    onRecord: rowsOf(facts) > 0,
    receivesMinimumLivingAllowance: inForce('MINIMUM_LIVING_ALLOWANCE'),
    extremeHardship: inForce('EXTREME_HARDSHIP'),
    disabilityGrade: facts?.disability?.grade ?? null,
    // No change reported yet: no case under review.
    allowanceCases: (facts?.allowanceCases ?? []).map((allowanceCase) => ({ ...allowanceCase, reviews: [] })),
    disability: facts?.disability ?? null,
    elderlyAllowance: facts?.elderlyAllowance ?? null,
    veteranBenefit: facts?.veteranBenefit ?? null,
    marriages: facts?.marriages ?? [],
  };
}

/** One issue per row the bureau keys by a stored form other than the resident's ID. */
function expectedIssues(resident: TruthResident): { kind: string; storedId: string; rows: number; references: string[] } | null {
  const imperfection = resident.imperfections.find((i) => i.department === 'civil-affairs');
  const facts = resident.civilAffairs;
  if (!imperfection || !('storedId' in imperfection) || !facts) return null;
  const references = [...facts.allowanceCases.map((c) => c.caseNumber), ...(facts.disability ? [facts.disability.certificateNumber] : [])];
  return {
    kind: imperfection.kind === 'ID_TYPO' ? 'INVALID_CITIZEN_ID' : 'LEGACY_15_DIGIT_ID',
    storedId: imperfection.storedId,
    rows: rowsOf(facts),
    references,
  };
}

describe('civil-affairs subgraph', () => {
  const population = civilAffairsPopulation(40);
  let trust: TestTrust;
  let bureau: StandInBureau;
  let adapter: CivilAffairsAdapter;
  let subgraph: RunningServer;

  beforeAll(async () => {
    trust = await createTestTrust();
    bureau = await startStandInBureau(population);
    adapter = bureau.adapter;
    subgraph = await civilAffairsSubgraph.start({ port: 0, adapter, audit: recordingAuditWriter(), jurisdiction: placedInside(population.residents) });
  });
  afterAll(async () => {
    await subgraph.close();
    await bureau.close();
  });

  test('publishes the section the contract names', async () => {
    const { sdl } = await civilAffairsSubgraph.buildSchema();
    expect(sdl).toMatch(/type Resident @key\(fields: "id"\)\s*{\s*id: CitizenId!/);
    expect(sdl).toMatch(/civilAffairs: CivilAffairsSection\n/);
    expect(sdl).not.toMatch(/jurisdiction/);
    expect(sdl).toMatch(/receivesMinimumLivingAllowance: Boolean!/);
    expect(sdl).toMatch(/disabilityGrade: Int\n/);
  });

  test('_entities answers every resident as the generated data says', async () => {
    const answer = await askEntities(
      trust,
      subgraph,
      population.residents.map((r) => r.id),
    );
    expect(answer.errors).toBeUndefined();
    const entities = answer.data!._entities;
    expect(entities).toHaveLength(population.residents.length);
    population.residents.forEach((resident, i) => {
      const entity = entities[i]!;
      expect(entity.id).toBe(resident.id);
      const { dataQualityIssues, ...section } = entity.civilAffairs!;
      expect({ id: resident.id, ...section }).toEqual({ id: resident.id, ...expectedSection(resident) });

      const expected = expectedIssues(resident);
      expect(dataQualityIssues).toHaveLength(expected?.rows ?? 0);
      for (const issue of dataQualityIssues) {
        expect(issue).toMatchObject({ department: 'CIVIL_AFFAIRS', kind: expected?.kind, storedId: expected?.storedId, nameOnRecord: resident.name });
      }
      expect(dataQualityIssues.map((issue) => issue.recordReference)).toEqual(expect.arrayContaining(expected?.references ?? []));
    });
    expect(entities.some((e) => e?.civilAffairs?.receivesMinimumLivingAllowance)).toBe(true);
    expect(entities.some((e) => e?.civilAffairs?.dataQualityIssues.some((issue) => issue.kind === 'INVALID_CITIZEN_ID'))).toBe(true);
    expect(entities.some((e) => e?.civilAffairs?.dataQualityIssues.some((issue) => issue.kind === 'LEGACY_15_DIGIT_ID'))).toBe(true);
  });

  test('a 15-digit representation finds the same resident', async () => {
    const resident = population.residents.find((r) => r.civilAffairs?.disability)!;
    const answer = await askEntities(trust, subgraph, [`${resident.id.slice(0, 6)}${resident.id.slice(8, 17)}`]);
    expect(answer.data!._entities[0]).toMatchObject({ id: resident.id, civilAffairs: { disabilityGrade: resident.civilAffairs!.disability!.grade } });
  });

  test('N representations cost one lookup, one call to the bureau', async () => {
    const lookup = jest.spyOn(adapter, 'lookup');
    const ids = population.residents.map((r) => r.id);
    const before = adapter.callsMade();
    try {
      await askEntities(trust, subgraph, ids);
      expect(lookup).toHaveBeenCalledTimes(1);
      expect([...lookup.mock.calls[0]![0]].sort()).toEqual([...ids].sort());
      expect(adapter.callsMade() - before).toBe(1);
      const calls = (await (await fetch(subgraph.url.replace('/graphql', '/__control/calls'))).json()) as Record<string, number>;
      expect(calls['civil-affairs']).toBe(adapter.callsMade());
    } finally {
      lookup.mockRestore();
    }
  });

  test("an employment change the bureau applied shows on the member's case as a pending review, to every member of the case", async () => {
    const clean = (resident: TruthResident) => !resident.imperfections.some((i) => i.department === 'civil-affairs');
    const subject = population.residents.find((r) => clean(r) && r.civilAffairs?.allowanceCases.some((c) => c.status === 'ACTIVE'))!;
    const reviewed = subject.civilAffairs!.allowanceCases.filter((c) => c.status === 'ACTIVE').map((c) => c.caseNumber);
    const change = { kind: 'EMPLOYMENT_CHANGE' as const, residentId: subject.id, occurredOn: '2026-11-20', employment: { status: 'LAID_OFF' as const } };
    await expect(adapter.applyChange(change, `subgraph-test-${subject.id}`)).resolves.toEqual({ outcome: 'ACCEPTED' });

    const onCase = (r: TruthResident) => clean(r) && r.civilAffairs!.allowanceCases.some((c) => reviewed.includes(c.caseNumber));
    const members = population.residents.filter((r) => r.civilAffairs && onCase(r));
    const answer = await askEntities(
      trust,
      subgraph,
      members.map((r) => r.id),
    );
    expect(answer.errors).toBeUndefined();
    const review = { reviewNumber: 1, reason: '就业状态变化：下岗', registeredOn: '2026-11-20', status: 'PENDING', memberId: subject.id };
    const casesOf = (entity: Entities['_entities'][number]) => entity!.civilAffairs!['allowanceCases'] as { caseNumber: string; reviews: unknown[] }[];
    const seen = answer.data!._entities.flatMap((entity) =>
      casesOf(entity)
        .filter((c) => reviewed.includes(c.caseNumber))
        .map((c) => ({ member: entity!.id, caseNumber: c.caseNumber, reviews: c.reviews })),
    );
    expect(seen.length).toBeGreaterThanOrEqual(reviewed.length);
    expect(seen).toEqual(seen.map(({ member, caseNumber }) => ({ member, caseNumber, reviews: [review] })));
  });
});

describe('civil-affairs subgraph with the bureau down', () => {
  let trust: TestTrust;
  let adapter: CivilAffairsAdapter;
  let subgraph: RunningServer;

  beforeAll(async () => {
    trust = await createTestTrust();
    adapter = createCivilAffairsAdapter({ databaseUrl: 'postgresql://postgres@127.0.0.1:1/test', timeoutMs: 300, retries: 0, breakAfter: 3 });
    subgraph = await civilAffairsSubgraph.start({
      port: 0,
      adapter,
      audit: recordingAuditWriter(),
      jurisdiction: placedInside(civilAffairsPopulation(1).residents),
    });
  });
  afterAll(async () => {
    await subgraph.close();
    await adapter.close();
  });

  test('answers the section with null and DEPARTMENT_UNAVAILABLE, the key still resolves', async () => {
    const id = civilAffairsPopulation(1).residents[0]!.id;
    const answer = await askEntities(trust, subgraph, [id]);
    expect(answer.data!._entities).toEqual([{ id, civilAffairs: null }]);
    expect(answer.errors).toEqual([
      expect.objectContaining({ path: ['_entities', 0, 'civilAffairs'], extensions: expect.objectContaining({ code: 'DEPARTMENT_UNAVAILABLE' }) }),
    ]);
  });

  test('stays live; is not ready once its breaker opens, naming the department and the state', async () => {
    const health = await fetch(subgraph.url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
    const ready = async () => {
      const response = await fetch(subgraph.url.replace('/graphql', '/health/ready'));
      return { status: response.status, body: (await response.json()) as unknown };
    };
    // Two failed reads so far (the scan at start, the test above's lookup): below breakAfter, still ready.
    expect(await ready()).toEqual({ status: 200, body: { status: 'ready', departments: [{ department: 'civil-affairs', breaker: 'closed' }] } });
    await askEntities(trust, subgraph, [civilAffairsPopulation(1).residents[0]!.id]);
    expect(await ready()).toEqual({ status: 503, body: { status: 'degraded', departments: [{ department: 'civil-affairs', breaker: 'open' }] } });
    expect((await fetch(subgraph.url.replace('/graphql', '/health'))).status).toBe(200);
  });
});
