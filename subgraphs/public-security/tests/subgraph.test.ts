import type { TruthResident } from '@resident-graph/schemas';
import { memoryDataQuality } from '@resident-graph/subgraph-kit/testing';
import { expectedResident, imperfection, isMistyped } from './fixtures/expectedResident';
import { householdPopulation } from './fixtures/population';
import { startRunningSubgraph, type RunningSubgraph } from './fixtures/runningSubgraph';

const ISSUE = '{ department kind storedId recordReference nameOnRecord }';
const RESIDENT_FIELDS = `
  id name gender birthDate ethnicity { code name } maritalStatus populationType relationToHead registeredAddress
  residencePermit { number issuedOn expiresOn }
  household { id registeredAddress head { id } members { resident { id name } relationToHead } }
  dataQualityIssues ${ISSUE}`;
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { ${RESIDENT_FIELDS} } } }`;
const RESIDENT = `query ($id: CitizenId!) { resident(id: $id) { ${RESIDENT_FIELDS} } }`;

type Answer = Record<string, unknown> & { id: string };
const population = householdPopulation();
const expected = (resident: TruthResident) => expectedResident(population, resident);
const representation = (resident: TruthResident) => ({ __typename: 'Resident', id: resident.id });

const dataQuality = memoryDataQuality();
let running: RunningSubgraph;
beforeAll(async () => {
  running = await startRunningSubgraph(population, { dataQuality });
});
afterEach(async () => {
  await running.setFault('none');
  for (const department of ['civil-affairs', 'labour']) await dataQuality.publish({ department, views: {}, issues: new Map() });
});
afterAll(() => running.close());

describe('_entities', () => {
  it('resolves every resident public security holds as the generated data says, and null for the one it holds under a mistyped ID', async () => {
    const answer = await running.query<{ _entities: (Answer | null)[] }>(ENTITIES, { representations: population.residents.map(representation) });
    expect(answer.errors).toBeUndefined();
    population.residents.forEach((resident, i) => {
      expect(answer.data?._entities[i]).toEqual(isMistyped(resident) ? null : expected(resident));
    });
  });

  it('batches N representations into one adapter lookup', async () => {
    const lookup = jest.spyOn(running.adapter, 'lookup');
    const before = running.adapter.callsMade();
    try {
      const residents = population.residents.filter((r) => !isMistyped(r));
      const answer = await running.query<{ _entities: Answer[] }>(
        `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { id name } } }`,
        {
          representations: residents.map(representation),
        },
      );
      expect(answer.data?._entities.map((r) => r.name)).toEqual(residents.map((r) => r.name));
      expect(lookup).toHaveBeenCalledTimes(1);
      expect(lookup.mock.calls[0]?.[0]).toEqual(residents.map((r) => r.id));
      expect(running.adapter.callsMade() - before).toBe(1);
    } finally {
      lookup.mockRestore();
    }
  });

  // A resident public security holds under a 15-digit ID, and two issues departments might publish on them.
  const head = population.residents.find((r) => imperfection(r, 'ID_15_DIGIT'))!;
  const invalid = {
    department: 'civil-affairs',
    kind: 'INVALID_CITIZEN_ID',
    storedId: '31011519620518035',
    recordReference: 'MZ-2019-0042',
    nameOnRecord: '孙志刚',
  } as const;
  const card = { department: 'labour', kind: 'LEGACY_15_DIGIT_ID', storedId: '310115620518035', recordReference: '3101150001234', nameOnRecord: null } as const;
  const allowAll = { storedId: 'allow', recordReference: 'allow', nameOnRecord: 'allow', grade: 'allow', reason: 'allow' } as const;

  it("adds the issues the departments published, after public security's own, and ignores any a representation carries", async () => {
    await dataQuality.publish({ department: 'labour', views: { 'other-officer': allowAll }, issues: new Map([[head.id, [card]]]) });
    await dataQuality.publish({
      department: 'civil-affairs',
      views: { 'other-officer': { ...allowAll, storedId: 'mask' } },
      issues: new Map([[head.id, [invalid]]]),
    });
    const forged = { department: 'CIVIL_AFFAIRS', kind: 'INVALID_CITIZEN_ID', storedId: '310115196205180350', recordReference: 'FORGED', nameOnRecord: null };
    const answer = await running.query<{ _entities: { dataQualityIssues: unknown[] }[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { dataQualityIssues ${ISSUE} } } }`,
      { representations: [{ ...representation(head), civilAffairs: { dataQualityIssues: [forged] } }] },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities[0]?.dataQualityIssues).toEqual([
      ...expected(head).dataQualityIssues,
      { ...invalid, department: 'CIVIL_AFFAIRS', storedId: '310115*******8035' },
      { ...card, department: 'LABOUR' },
    ]);
  });

  it("shows a department's issues only to the audiences its views name, and refuses the details it withholds", async () => {
    await dataQuality.publish({
      department: 'labour',
      views: { 'other-officer': { storedId: 'allow', recordReference: 'deny', nameOnRecord: 'allow', grade: 'allow', reason: 'allow' } },
      issues: new Map([[head.id, [card]]]),
    });
    await dataQuality.publish({ department: 'civil-affairs', views: {}, issues: new Map([[head.id, [invalid]]]) });
    const asked = (fields: string) =>
      running.query<{ _entities: ({ dataQualityIssues: unknown[] } | null)[] }>(
        `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { dataQualityIssues { ${fields} } } } }`,
        { representations: [representation(head)] },
      );
    const shown = await asked('department kind storedId');
    expect(shown.errors).toBeUndefined();
    expect(shown.data?._entities[0]?.dataQualityIssues).toEqual([
      ...expected(head).dataQualityIssues.map(({ department, kind, storedId }) => ({ department, kind, storedId })),
      { department: 'LABOUR', kind: card.kind, storedId: card.storedId },
    ]);
    const refused = await asked('kind recordReference');
    expect(refused.errors?.map((error) => [error.extensions?.code, error.path?.slice(-1)[0]])).toEqual([['FORBIDDEN', 'recordReference']]);
  });
});

// Asked as a street-wide officer: a resident answered by the root field carries no
// jurisdiction (through the gateway, its fields are fetched again with it), and only an
// officer whose reach is the whole street needs none.
describe('Query.resident', () => {
  const floating = population.residents.find((r) => r.publicSecurity.populationType === 'FLOATING')!;

  it('answers a resident by ID, and by the 15-digit form of it', async () => {
    const head = population.residents.find((r) => imperfection(r, 'ID_15_DIGIT'))!;
    const byId = await running.query<{ resident: Answer }>(RESIDENT, { id: floating.id });
    const by15 = await running.query<{ resident: Answer }>(RESIDENT, { id: head.id.slice(0, 6) + head.id.slice(8, 17) });
    expect(byId.data?.resident).toEqual(expected(floating));
    expect(by15.data?.resident).toEqual(expected(head));
  });

  it('answers null when public security holds no such person', async () => {
    const stray = population.residents.find(isMistyped)!;
    const answer = await running.query(RESIDENT, { id: stray.id });
    expect(answer).toEqual({ data: { resident: null } });
  });

  it.each([
    ['a variable', RESIDENT, { id: '310115199204310001' }],
    ['a literal', '{ resident(id: "31011519920101002X") { id } }', {}],
  ])('rejects an invalid citizen ID given as %s with INVALID_CITIZEN_ID', async (_how, query, variables) => {
    const answer = await running.query(query, variables);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('INVALID_CITIZEN_ID');
  });

  it.each([
    ['unavailable', 'DEPARTMENT_UNAVAILABLE'],
    ['malformed', 'DEPARTMENT_BAD_RESPONSE'],
  ] as const)('answers null with %s when the system fails', async (fault, code) => {
    await running.setFault(fault);
    const answer = await running.query(RESIDENT, { id: floating.id });
    expect(answer.data).toEqual({ resident: null });
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual([code]);
  });
});

describe('Household', () => {
  it('resolves a household reference with its head and members', async () => {
    const head = population.residents.find((r) => imperfection(r, 'ID_15_DIGIT'))!;
    const answer = await running.query<{ _entities: unknown[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { id registeredAddress head { id } members { resident { id name } relationToHead } } } }`,
      {
        representations: [
          { __typename: 'Household', id: head.publicSecurity.householdId },
          { __typename: 'Household', id: '310115999999' },
        ],
      },
    );
    expect(answer.data?._entities).toEqual([expected(head).household, null]);
  });
});
