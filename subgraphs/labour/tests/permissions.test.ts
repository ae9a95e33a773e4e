import { rm } from 'node:fs/promises';
import { isIntrospectionType, isObjectType, isUnionType, type GraphQLSchema } from 'graphql';
import { maskCitizenId, type TruthResident } from '@resident-graph/schemas';
import { AUDIENCES, type Audience, type Jurisdiction } from '@resident-graph/subgraph-kit';
import { labourSubgraph, labourPolicy } from '@resident-graph/subgraph-labour';
import { fieldTypeOf, fixedJurisdiction, operationOf, project, reach, refusalOf, routesOf, verdictOf, type Step } from '@resident-graph/subgraph-kit/testing';
import { GATEWAY_CONTEXT_HEADER, type Caller, type Purpose } from '@resident-graph/trust';
import { createTestTrust } from '@resident-graph/trust/testing';
import { expectedAccess } from './fixtures/expectedAccess';
import { expectedSection } from './fixtures/expectedSection';
import { startLabourHarness, type GraphQLAnswer, type LabourHarness } from './fixtures/labourHarness';
import { labourPopulation } from './fixtures/population';

const INSIDE: Jurisdiction = { gridId: 'G1', communityId: 'C1' };
const OUTSIDE: Jurisdiction = { gridId: 'G9', communityId: 'C9' };

/** One caller per audience, each reaching INSIDE and not OUTSIDE (analysts and auditors are given the same reach: it must not help them). */
const CALLERS: Record<Audience, Caller> = {
  'grid-worker': { subject: 'grid-worker-1', role: 'grid-worker', department: null, grids: ['G1'], community: null },
  'window-clerk': { subject: 'clerk-1', role: 'window-clerk', department: null, grids: [], community: 'C1' },
  'own-officer': { subject: 'officer-labour', role: 'department-officer', department: 'labour', grids: [], community: 'C1' },
  'other-officer': { subject: 'officer-civil', role: 'department-officer', department: 'civil-affairs', grids: ['G1'], community: null },
  analyst: { subject: 'analyst-1', role: 'analyst', department: null, grids: ['G1'], community: 'C1' },
  auditor: { subject: 'auditor-1', role: 'auditor', department: null, grids: ['G1'], community: 'C1' },
};

describe('labour policy table, applied', () => {
  const population = labourPopulation(24);
  const isInside = (index: number) => index % 2 === 0;
  const representations = population.residents.map((resident) => ({ __typename: 'Resident', id: resident.id }));
  const placements = new Map(population.residents.map((resident, index) => [resident.id, isInside(index) ? INSIDE : OUTSIDE]));
  /** Each resident as this subgraph must serve it to a caller allowed everything. */
  const truthOf = (resident: TruthResident, index: number) => ({
    id: resident.id,
    jurisdiction: isInside(index) ? INSIDE : OUTSIDE,
    labour: expectedSection(resident),
  });
  let harness: LabourHarness;
  let schema: GraphQLSchema;
  let routes: Map<string, Step[]>;

  beforeAll(async () => {
    harness = await startLabourHarness(population, fixedJurisdiction(placements));
    ({ schema } = await labourSubgraph.buildSchema());
    routes = routesOf(schema);
    // Expectations below come from the access written by hand, never from the table under test.
  });
  afterAll(() => harness.close());

  it('has a row, with an access for every audience, for every field the subgraph serves and for nothing else', () => {
    const served = Object.values(schema.getTypeMap()).flatMap((type) =>
      isObjectType(type) && !isIntrospectionType(type) ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : [],
    );
    const rows = Object.entries(expectedAccess.table).flatMap(([type, fields]) => Object.keys(fields).map((field) => `${type}.${field}`));
    expect(rows.sort()).toEqual(served.sort());
    for (const fields of Object.values(labourPolicy.table)) {
      for (const access of Object.values(fields)) expect(Object.keys(access).sort()).toEqual([...AUDIENCES].sort());
    }
  });

  const rows = Object.entries(expectedAccess.table).flatMap(([type, fields]) =>
    Object.keys(fields).map((field) => ({ name: `${type}.${field}`, type, field })),
  );
  const purposes: [string, Purpose | null][] = [
    ['with a purpose', { code: 'CASE_REVIEW', reference: 'LB-2026-0042' }],
    ['without a purpose', null],
  ];

  it('samples residents and callers so that every verdict occurs: served, masked and each refusal', () => {
    const verdicts = new Set<string>();
    for (const [, purpose] of purposes) {
      for (const audience of AUDIENCES) {
        for (const row of rows.filter((r) => r.type !== 'Query' && r.type !== '_Service')) {
          const steps = routes.get(row.type)!.slice(1).concat(row);
          population.residents.forEach((resident, index) => {
            const truth = { __typename: 'Resident', ...truthOf(resident, index) };
            const code = verdictOf(expectedAccess, truth, steps, audience, purpose !== null, isInside(index));
            const values = [
              reach(
                truth,
                steps.map((step) => step.field),
              ),
            ]
              .flat(Infinity)
              .filter((value) => value !== null);
            const masked = expectedAccess.table[row.type]![row.field]![audience] === 'mask' && values.length > 0;
            verdicts.add(code ?? (masked ? 'MASKED' : 'SERVED'));
          });
        }
      }
    }
    expect([...verdicts].sort()).toEqual(['FORBIDDEN', 'MASKED', 'OUT_OF_JURISDICTION', 'PURPOSE_REQUIRED', 'SERVED']);
  });

  describe.each(purposes)('%s', (_label, purpose) => {
    describe.each(AUDIENCES)('%s', (audience) => {
      it.each(rows)('$name', async (row) => {
        const steps = [...routes.get(row.type)!, row];
        const [root, ...rest] = steps as [Step, ...Step[]];
        const query = operationOf(schema, steps);
        const answer = await harness.post(
          query,
          root.field === '_entities' ? { representations } : {},
          await harness.trust.gatewayHeaders(CALLERS[audience], purpose),
        );
        const leafType = fieldTypeOf(schema, row);
        const masked = expectedAccess.table[row.type]![row.field]![audience] === 'mask';
        const leaf = (value: unknown) =>
          isUnionType(leafType)
            ? { __typename: (value as { __typename: string }).__typename }
            : isObjectType(leafType)
              ? { __typename: leafType.name }
              : masked
                ? maskCitizenId(String(value))
                : value;
        const fields = rest.map((step) => step.field);
        const errorsUnder = (...path: (string | number)[]) => (answer.errors ?? []).filter((error) => path.every((part, i) => error.path?.[i] === part));

        /** One object of the answer against its truth: served as the truth has it, or refused with the table's code and nothing of it shown. */
        const expectVerdict = (actual: unknown, truth: unknown, inside: boolean, ...path: (string | number)[]) => {
          const code = verdictOf(expectedAccess, truth, rest, audience, purpose !== null, inside);
          const codes = [...new Set(errorsUnder(...path).map((error) => error.extensions?.code))];
          if (code === null) {
            expect({ path, codes, actual }).toEqual({ path, codes: [], actual: project(truth, fields, leaf) });
          } else {
            expect({ path, codes, served: reach(actual, fields) }).toEqual({ path, codes: [code], served: null });
          }
        };

        const rootRefusal = refusalOf(expectedAccess, root, audience, purpose !== null, false);
        if (rootRefusal) {
          expect(answer.data?.[root.field] ?? null).toBeNull();
          expect(answer.errors?.map((error) => error.extensions?.code)).toEqual([rootRefusal]);
        } else if (root.field === '_service') {
          expectVerdict(answer.data?._service, { __typename: '_Service', sdl: expect.stringContaining('labour: LabourSection') }, false, '_service');
        } else {
          const entities = answer.data?._entities as unknown[];
          expect(entities).toHaveLength(population.residents.length);
          population.residents.forEach((resident, index) => {
            expectVerdict(entities[index], { __typename: 'Resident', ...truthOf(resident, index) }, isInside(index), '_entities', index);
          });
        }
      });
    });
  });
});

describe('labour subgraph trust and audit', () => {
  const population = labourPopulation(12);
  const withLabour = population.residents.filter((resident) => resident.labour && resident.imperfections.length === 0);
  const officer = { subject: 'officer-labour', role: 'department-officer', department: 'labour', grids: [], community: 'C1' } satisfies Caller;
  const SECTION = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { id labour { onRecord employmentStatus } } } }`;
  const IDS_ONLY = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { id } } }`;
  /** The grid survey places the residents the bureau knows inside, but one it places nowhere; the rest outside. */
  const unplaced = withLabour.at(-1)!;
  const placed = withLabour.slice(0, -1);
  const outsiders = population.residents.filter((resident) => !resident.labour);
  const placements = new Map<string, Jurisdiction>(
    population.residents.flatMap((r) => (r === unplaced ? [] : [[r.id, outsiders.includes(r) ? OUTSIDE : INSIDE] as const])),
  );
  /** A representation as anyone may send it: the key, and whatever jurisdiction it claims. */
  const at = (jurisdiction: Jurisdiction | null) => (resident: TruthResident) => ({
    __typename: 'Resident',
    id: resident.id,
    ...(jurisdiction ? { jurisdiction } : {}),
  });
  let harness: LabourHarness;

  beforeAll(async () => {
    harness = await startLabourHarness(population, fixedJurisdiction(placements));
  });
  beforeEach(() => {
    harness.audit.entries.length = 0;
    harness.audit.failing = false;
  });
  afterAll(() => harness.close());

  const expectUnauthenticated = (answer: GraphQLAnswer) => {
    expect(answer.status).toBe(401);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  };

  it('refuses a request without a gateway context: 401, UNAUTHENTICATED, no data, nothing audited', async () => {
    expectUnauthenticated(await harness.post(SECTION, { representations: placed.map(at(null)) }, {}));
    expect(harness.audit.entries).toEqual([]);
  });

  it('refuses a context signed with another key, and a forged one', async () => {
    const stranger = await createTestTrust();
    process.env.TRUST_KEYS_DIR = harness.trust.keysDir;
    await rm(stranger.keysDir, { recursive: true, force: true });
    const representations = placed.map(at(null));
    expectUnauthenticated(await harness.post(SECTION, { representations }, await stranger.gatewayHeaders(officer)));
    const genuine = (await harness.trust.gatewayHeaders(officer))[GATEWAY_CONTEXT_HEADER]!;
    const [header, , signature] = genuine.split('.');
    const claims = { caller: { ...officer, community: null }, purpose: 'CASE_REVIEW', rid: 'r', oid: 'o' };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expectUnauthenticated(await harness.post(SECTION, { representations }, { [GATEWAY_CONTEXT_HEADER]: forged }));
    expect(harness.audit.entries).toEqual([]);
  });

  it('answers PURPOSE_REQUIRED on the section without a stated purpose, and still the keys', async () => {
    const answer = await harness.post(SECTION, { representations: placed.slice(0, 2).map(at(null)) }, await harness.trust.gatewayHeaders(officer, null));
    expect(answer.data?._entities).toEqual(placed.slice(0, 2).map((resident) => ({ id: resident.id, labour: null })));
    expect(answer.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['_entities', 0, 'labour'], 'PURPOSE_REQUIRED'],
      [['_entities', 1, 'labour'], 'PURPOSE_REQUIRED'],
    ]);
    expect(harness.audit.entries).toEqual([]);
  });

  it("never believes a representation's jurisdiction: a resident placed outside stays outside whatever the representation claims", async () => {
    const outsider = outsiders[0]!;
    const forged = await harness.post(SECTION, { representations: [at(INSIDE)(outsider)] }, await harness.trust.gatewayHeaders(officer));
    expect(forged.data?._entities).toEqual([{ id: outsider.id, labour: null }]);
    expect(forged.errors?.map((error) => error.extensions?.code)).toEqual(['OUT_OF_JURISDICTION']);
    const claimedOutside = await harness.post(SECTION, { representations: [at(OUTSIDE)(placed[0]!)] }, await harness.trust.gatewayHeaders(officer));
    expect(claimedOutside.errors).toBeUndefined();
  });

  it('a resident the grid survey does not place is out of jurisdiction for a scoped caller, not for a street-wide officer', async () => {
    const resident = unplaced;
    const scoped = await harness.post(SECTION, { representations: [at(INSIDE)(resident)] }, await harness.trust.gatewayHeaders(officer));
    expect(scoped.errors?.map((error) => error.extensions?.code)).toEqual(['OUT_OF_JURISDICTION']);
    const streetWide = await harness.post(
      SECTION,
      { representations: [at(null)(resident)] },
      await harness.trust.gatewayHeaders({ ...officer, community: null }),
    );
    expect(streetWide.errors).toBeUndefined();
    expect(streetWide.data?._entities).toEqual([{ id: resident.id, labour: { onRecord: true, employmentStatus: resident.labour!.employmentStatus } }]);
  });

  it('masks the stored ID of a data-quality issue for front-line staff and shows it to labour officers', async () => {
    const resident = population.residents.find((r) => r.imperfections.some((i) => i.department === 'labour' && i.kind === 'ID_15_DIGIT'))!;
    const storedId = expectedSection(resident).dataQualityIssues[0]!.storedId;
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { labour { dataQualityIssues { kind storedId } } } } }`;
    const storedIdFor = async (caller: Caller) => {
      const answer = await harness.post<{ _entities: { labour: { dataQualityIssues: { storedId: string }[] } }[] }>(
        query,
        { representations: [at(null)(resident)] },
        await harness.trust.gatewayHeaders(caller),
      );
      expect(answer.errors).toBeUndefined();
      return answer.data!._entities[0]!.labour.dataQualityIssues[0]!.storedId;
    };
    expect(await storedIdFor(officer)).toBe(storedId);
    const masked = await storedIdFor({ subject: 'grid-worker-1', role: 'grid-worker', department: null, grids: ['G1'], community: null });
    expect(masked).not.toBe(storedId);
    expect(masked).toBe(`${storedId.slice(0, 6)}${'*'.repeat(storedId.length - 10)}${storedId.slice(-4)}`);
  });

  it('writes one entry for a request that served personal data: who, why, which residents, which fields', async () => {
    const residents = placed.slice(0, 3);
    const headers = await harness.trust.gatewayHeaders(officer, { code: 'HOME_VISIT', reference: 'V-2026-07' });
    const claims = JSON.parse(Buffer.from(headers[GATEWAY_CONTEXT_HEADER]!.split('.')[1]!, 'base64url').toString()) as { rid: string; oid: string };
    const outside = outsiders[0]!;

    const answer = await harness.post(SECTION, { representations: [...residents.map(at(null)), at(null)(outside)] }, headers);

    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['OUT_OF_JURISDICTION']);
    expect(harness.audit.entries).toEqual([
      {
        requestId: claims.rid,
        operationId: claims.oid,
        subgraph: 'labour',
        subject: officer.subject,
        role: officer.role,
        department: officer.department,
        purposeCode: 'HOME_VISIT',
        purposeReference: 'V-2026-07',
        residentIds: residents.map((resident) => resident.id).sort(),
        fields: ['Resident.labour'],
        outcome: 'SERVED',
      },
    ]);
  });

  it('writes no entry for a request that served nothing personal', async () => {
    const headers = await harness.trust.gatewayHeaders(officer);
    const keysOnly = await harness.post(IDS_ONLY, { representations: placed.map(at(null)) }, headers);
    expect(keysOnly.errors).toBeUndefined();
    const allRefused = await harness.post(SECTION, { representations: outsiders.map(at(INSIDE)) }, await harness.trust.gatewayHeaders(officer));
    expect(allRefused.errors?.length).toBe(outsiders.length);
    expect(harness.audit.entries).toEqual([]);
  });

  it('withholds the data with AUDIT_UNAVAILABLE when the entry cannot be written', async () => {
    harness.audit.failing = true;
    const answer = await harness.post(SECTION, { representations: placed.map(at(null)) }, await harness.trust.gatewayHeaders(officer));
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
    expect(JSON.stringify(answer)).not.toContain(withLabour[0]!.id);
  });
});
