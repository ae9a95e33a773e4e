import { rm } from 'node:fs/promises';
import { isIntrospectionType, isObjectType, isUnionType, type GraphQLSchema } from 'graphql';
import { maskCitizenId, type TruthResident } from '@resident-graph/schemas';
import { AUDIENCES, type Audience, type Jurisdiction } from '@resident-graph/subgraph-kit';
import { fieldTypeOf, fixedJurisdiction, operationOf, project, reach, refusalOf, routesOf, verdictOf, type Step } from '@resident-graph/subgraph-kit/testing';
import { GATEWAY_CONTEXT_HEADER, type Caller, type Purpose } from '@resident-graph/trust';
import { createTestTrust } from '@resident-graph/trust/testing';
import { buildPublicSecuritySchema, publicSecurityPolicy } from '../src';
import { expectedAccess } from './fixtures/expectedAccess';
import { expectedResident, imperfection } from './fixtures/expectedResident';
import { householdPopulation } from './fixtures/population';
import { startRunningSubgraph, type GraphQLAnswer, type RunningSubgraph } from './fixtures/runningSubgraph';

const INSIDE: Jurisdiction = { gridId: 'G02', communityId: 'C01' };
const OUTSIDE: Jurisdiction = { gridId: 'G31', communityId: 'C03' };

/** One caller per audience, each reaching INSIDE and not OUTSIDE (analysts and auditors get the same reach: it must not help them). */
const CALLERS: Record<Audience, Caller> = {
  'grid-worker': { subject: 'grid-worker-2', role: 'grid-worker', department: null, grids: ['G02'], community: null },
  'window-clerk': { subject: 'clerk-1', role: 'window-clerk', department: null, grids: [], community: 'C01' },
  'own-officer': { subject: 'officer-ps', role: 'department-officer', department: 'public-security', grids: [], community: 'C01' },
  'other-officer': { subject: 'officer-civil', role: 'department-officer', department: 'civil-affairs', grids: ['G02'], community: null },
  analyst: { subject: 'analyst-1', role: 'analyst', department: null, grids: ['G02'], community: 'C01' },
  auditor: { subject: 'auditor-1', role: 'auditor', department: null, grids: ['G02'], community: 'C01' },
};
const policy = publicSecurityPolicy;
const expected = expectedAccess;
const population = householdPopulation();
const head = population.residents.find((r) => imperfection(r, 'ID_15_DIGIT'))!;
const floating = population.residents.find((r) => r.publicSecurity.populationType === 'FLOATING')!;
const [spouse, daughter] = population.residents.filter((r) => r.publicSecurity.householdId === head.publicSecurity.householdId && r !== head) as [
  TruthResident,
  TruthResident,
];
const OTHER_HOUSEHOLD = population.residents.map((r) => r.publicSecurity.householdId).find((id) => id && id !== head.publicSecurity.householdId)!;

/** Where the grid survey places them: the head, the floating resident and the head's dwelling inside; the head's wife and daughter, and the other dwelling, outside. */
const RESIDENT_PLACES = new Map<string, Jurisdiction>([
  [head.id, INSIDE],
  [floating.id, INSIDE],
  [spouse.id, OUTSIDE],
  [daughter.id, OUTSIDE],
]);
const HOUSEHOLD_PLACES = new Map<string, Jurisdiction>([
  [head.publicSecurity.householdId!, INSIDE],
  [OTHER_HOUSEHOLD, OUTSIDE],
]);

/** An issue civil affairs reported on the resident, as `@requires` delivers it. */
const civilIssue = (resident: TruthResident) => ({
  department: 'CIVIL_AFFAIRS',
  kind: 'INVALID_CITIZEN_ID',
  storedId: `${resident.id.slice(0, 17)}${resident.id.endsWith('0') ? '1' : '0'}`,
  recordReference: `MZ-${resident.id.slice(-4)}`,
  nameOnRecord: resident.name,
});

/** A representation as the gateway sends it, and what this subgraph must serve for it to a caller allowed everything. */
interface Entity {
  representation: Record<string, unknown>;
  truth: Record<string, unknown>;
  inside: boolean;
}

function residentEntity(resident: TruthResident): Entity {
  const sections = { civilAffairs: { dataQualityIssues: [civilIssue(resident)] }, familyPlanning: null, labour: null };
  const expected = expectedResident(population, resident);
  return {
    representation: { __typename: 'Resident', id: resident.id, ...sections },
    truth: { __typename: 'Resident', ...expected, ...sections, dataQualityIssues: [...expected.dataQualityIssues, civilIssue(resident)] },
    inside: RESIDENT_PLACES.get(resident.id) === INSIDE,
  };
}

/** A household by number; only the head's is served whole (the other is placed outside, so only its key). */
function householdEntity(id: string): Entity {
  const household = id === head.publicSecurity.householdId ? expectedResident(population, head).household! : { id };
  return { representation: { __typename: 'Household', id }, truth: { __typename: 'Household', ...household }, inside: HOUSEHOLD_PLACES.get(id) === INSIDE };
}

const ENTITIES: Record<string, Entity[]> = {
  Resident: [head, floating, spouse, daughter].map(residentEntity),
  Household: [householdEntity(head.publicSecurity.householdId!), householdEntity(OTHER_HOUSEHOLD)],
};
/** What the root fields other than `_entities` must answer; jurisdiction plays no part in them. */
const ROOTS: Record<string, unknown> = {
  resident: { __typename: 'Resident', ...expectedResident(population, head) },
  _service: { __typename: '_Service', sdl: expect.stringContaining('type Resident') },
};

const rowsOf = () => Object.entries(expected.table).flatMap(([type, fields]) => Object.keys(fields).map((field) => ({ row: `${type}.${field}`, type, field })));
const codesOf = (answer: GraphQLAnswer<unknown>) => answer.errors?.map((error) => error.extensions?.code);

let running: RunningSubgraph;
let schema: GraphQLSchema;
let sdl: string;
beforeAll(async () => {
  running = await startRunningSubgraph(population, { rateLimitPerSecond: 100_000, jurisdiction: fixedJurisdiction(RESIDENT_PLACES, HOUSEHOLD_PLACES) });
  ({ schema, sdl } = await buildPublicSecuritySchema());
});
beforeEach(() => {
  running.audit.entries.length = 0;
  running.audit.failing = false;
});
afterAll(() => running.close());

describe('the policy table', () => {
  it('has a row, with an access for every audience, for every field the subgraph serves and for nothing else', () => {
    const served = Object.values(schema.getTypeMap()).flatMap((type) =>
      isObjectType(type) && !isIntrospectionType(type) ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : [],
    );
    expect(
      rowsOf()
        .map(({ row }) => row)
        .sort(),
    ).toEqual(served.sort());
    for (const fields of Object.values(policy.table)) {
      for (const access of Object.values(fields)) expect(Object.keys(access).sort()).toEqual([...AUDIENCES].sort());
    }
  });

  it('asks nothing of a representation for jurisdiction: no field requires it, the grid database places residents and households', () => {
    expect(sdl).not.toMatch(/jurisdiction \{|jurisdiction: Jurisdiction/);
    expect(Object.keys(policy.jurisdictionOf).sort()).toEqual(['Household', 'Query', 'Resident']);
  });
});

describe.each([
  ['with a purpose', { code: 'CASE_REVIEW', reference: 'GA-2026-0042' } as Purpose],
  ['without a purpose', null],
])('the table applied through _entities, %s', (_label, purpose) => {
  describe.each(AUDIENCES)('%s', (audience) => {
    it.each(rowsOf())('$row', async ({ type, field }) => {
      const row = { type, field };
      const routes = routesOf(schema, ['Resident', 'Household']);
      const steps = [...routes.get(type)!, row];
      const [root, ...rest] = steps as [Step, ...Step[]];
      const entities = root.field === '_entities' ? ENTITIES[rest[0]?.type ?? 'Resident']! : [];
      const answer = await running.query(
        operationOf(schema, steps),
        { id: head.id, representations: entities.map((e) => e.representation) },
        { caller: CALLERS[audience], purpose },
      );

      const leafType = fieldTypeOf(schema, row);
      const masked = expected.table[row.type]![row.field]![audience] === 'mask';
      const leaf = (value: unknown) =>
        isUnionType(leafType)
          ? { __typename: (value as { __typename: string }).__typename }
          : isObjectType(leafType)
            ? { __typename: leafType.name }
            : masked
              ? maskCitizenId(String(value))
              : value;
      const fields = rest.map((step) => step.field);
      const codesUnder = (path: (string | number)[]) => [
        ...new Set((answer.errors ?? []).filter((error) => path.every((part, i) => error.path?.[i] === part)).map((error) => error.extensions?.code)),
      ];
      /** One object of the answer against its truth: served as the truth has it, or refused with the table's code and nothing of it shown. */
      const expectVerdict = (actual: unknown, truth: unknown, inside: boolean, path: (string | number)[]) => {
        const refusal = verdictOf(expected, truth, rest, audience, purpose !== null, inside);
        if (refusal === null) expect({ path, codes: codesUnder(path), actual }).toEqual({ path, codes: [], actual: project(truth, fields, leaf) });
        else expect({ path, codes: codesUnder(path), served: reach(actual, fields) }).toEqual({ path, codes: [refusal], served: null });
      };

      // The root lookup asks for the head, whom the grid survey places inside.
      const rootInside = root.field === 'resident' && RESIDENT_PLACES.get(head.id) === INSIDE;
      const rootRefusal = refusalOf(expected, root, audience, purpose !== null, rootInside);
      if (rootRefusal) {
        expect(answer.data?.[root.field] ?? null).toBeNull();
        expect(codesOf(answer)).toEqual([rootRefusal]);
      } else if (root.field === '_entities') {
        const answered = answer.data?._entities as unknown[];
        expect(answered).toHaveLength(entities.length);
        entities.forEach((entity, i) => expectVerdict(answered[i], entity.truth, entity.inside, ['_entities', i]));
      } else {
        expectVerdict(answer.data?.[root.field], ROOTS[root.field], rootInside, [root.field]);
      }
    });
  });
});

describe('trust', () => {
  const NAME = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { id name } } }`;
  const asInside = [residentEntity(head).representation];
  const expectUnauthenticated = ({ status, answer }: { status: number; answer: GraphQLAnswer<unknown> }) => {
    expect(status).toBe(401);
    expect(answer.data ?? null).toBeNull();
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
  };

  it('refuses a request without a gateway context: 401, UNAUTHENTICATED, no data, nothing audited', async () => {
    expectUnauthenticated(await running.post(NAME, {}, { representations: asInside }));
    expect(running.audit.entries).toEqual([]);
  });

  it('refuses a context signed with another key, and one whose claims were altered', async () => {
    const stranger = await createTestTrust();
    process.env.TRUST_KEYS_DIR = running.trust.keysDir;
    await rm(stranger.keysDir, { recursive: true, force: true });
    expectUnauthenticated(await running.post(NAME, await stranger.gatewayHeaders(CALLERS['own-officer']), { representations: asInside }));

    const genuine = (await running.trust.gatewayHeaders(CALLERS.analyst))[GATEWAY_CONTEXT_HEADER]!;
    const [header, payload, signature] = genuine.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const promoted = Buffer.from(JSON.stringify({ ...claims, caller: CALLERS['own-officer'] })).toString('base64url');
    expectUnauthenticated(await running.post(NAME, { [GATEWAY_CONTEXT_HEADER]: `${header}.${promoted}.${signature}` }, { representations: asInside }));
    expect(running.audit.entries).toEqual([]);
  });

  it('answers PURPOSE_REQUIRED on personal fields without a stated purpose, and still the key', async () => {
    const answer = await running.query(NAME, { representations: asInside }, { caller: CALLERS['own-officer'], purpose: null });
    expect(answer.data?._entities).toEqual([null]);
    expect(answer.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['_entities', 0, 'name'], 'PURPOSE_REQUIRED']]);
    const key = await running.query(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { id } } }`,
      { representations: asInside },
      { caller: CALLERS['own-officer'], purpose: null },
    );
    expect(key).toEqual({ data: { _entities: [{ id: head.id }] } });
    expect(running.audit.entries).toEqual([]);
  });
});

describe('masking', () => {
  const STORED_IDS = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { dataQualityIssues { department storedId } } } }`;
  const storedIds = expectedResident(population, head).dataQualityIssues.map((issue) => issue.storedId);

  it.each(AUDIENCES.filter((audience) => expected.table.Resident!.dataQualityIssues![audience] !== 'deny'))(
    "shows %s the stored IDs of the resident's data-quality issues whole or masked, as the table says",
    async (audience) => {
      const answer = await running.query<{ _entities: { dataQualityIssues: { storedId: string }[] }[] }>(
        STORED_IDS,
        { representations: [residentEntity(head).representation] },
        { caller: CALLERS[audience] },
      );
      expect(answer.errors).toBeUndefined();
      const shown = answer.data!._entities[0]!.dataQualityIssues.map((issue) => issue.storedId);
      const whole = [...storedIds, civilIssue(head).storedId];
      expect(shown).toEqual(expected.table.DataQualityIssue!.storedId![audience] === 'mask' ? whole.map(maskCitizenId) : whole);
    },
  );

  it('masks for front-line staff and shows public-security officers the key as stored', async () => {
    const shownTo = async (caller: Caller) =>
      (
        await running.query<{ _entities: { dataQualityIssues: { storedId: string }[] }[] }>(
          STORED_IDS,
          { representations: [residentEntity(head).representation] },
          { caller },
        )
      ).data!._entities[0]!.dataQualityIssues[0]!.storedId;
    expect(await shownTo(CALLERS['own-officer'])).toBe(storedIds[0]);
    const masked = await shownTo(CALLERS['window-clerk']);
    expect(masked).not.toBe(storedIds[0]);
    expect(masked).toBe(`${storedIds[0]!.slice(0, 6)}${'*'.repeat(storedIds[0]!.length - 10)}${storedIds[0]!.slice(-4)}`);
  });
});

describe('audit', () => {
  const IDENTITY = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { id name birthDate } } }`;
  const claimsOf = (headers: Record<string, string>) =>
    JSON.parse(Buffer.from(headers[GATEWAY_CONTEXT_HEADER]!.split('.')[1]!, 'base64url').toString()) as { rid: string; oid: string };

  it('writes one entry for a request that served personal data: who, why, which residents, which fields', async () => {
    const caller = CALLERS['grid-worker'];
    const headers = await running.trust.gatewayHeaders(caller, { code: 'HOME_VISIT', reference: 'V-2026-07' });
    const representations = [residentEntity(head), residentEntity(floating), residentEntity(spouse)].map((e) => e.representation);

    const { answer } = await running.post(IDENTITY, headers, { representations });

    expect(answer.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['_entities', 2, 'name'], 'OUT_OF_JURISDICTION']]);
    expect(running.audit.entries).toEqual([
      {
        requestId: claimsOf(headers).rid,
        operationId: claimsOf(headers).oid,
        subgraph: 'public-security',
        subject: caller.subject,
        role: caller.role,
        department: null,
        purposeCode: 'HOME_VISIT',
        purposeReference: 'V-2026-07',
        residentIds: [head.id, floating.id].sort(),
        fields: ['Resident.birthDate', 'Resident.name'],
        outcome: 'SERVED',
      },
    ]);
  });

  it("records a household's fields without naming residents it did not serve", async () => {
    const answer = await running.query(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { id registeredAddress } } }`,
      {
        representations: [householdEntity(head.publicSecurity.householdId!).representation],
      },
    );
    expect(answer.errors).toBeUndefined();
    expect(running.audit.entries.map(({ residentIds, fields }) => ({ residentIds, fields }))).toEqual([
      { residentIds: [], fields: ['Household.registeredAddress'] },
    ]);
  });

  it('writes no entry for a request that served nothing personal', async () => {
    const keys = await running.query(`query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { id } } }`, {
      representations: [residentEntity(head).representation],
    });
    expect(keys.errors).toBeUndefined();
    const refused = await running.query(IDENTITY, { representations: [residentEntity(spouse).representation] }, { caller: CALLERS['window-clerk'] });
    expect(refused.data?._entities).toEqual([null]);
    expect(codesOf(refused)).toEqual(['OUT_OF_JURISDICTION']);
    expect(running.audit.entries).toEqual([]);
  });

  it('withholds the data with AUDIT_UNAVAILABLE when the entry cannot be written', async () => {
    running.audit.failing = true;
    const answer = await running.query(IDENTITY, { representations: [residentEntity(head).representation] }, { caller: CALLERS['own-officer'] });
    expect(answer.data ?? null).toBeNull();
    expect(codesOf(answer)).toEqual(['AUDIT_UNAVAILABLE']);
    expect(JSON.stringify(answer)).not.toContain(head.name);
  });
});

describe('jurisdiction from the grid database, never from the representation', () => {
  const NAME = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { id name } } }`;

  it('refuses a resident placed outside whatever jurisdiction the representation claims, and serves one placed inside whatever it claims', async () => {
    const representations = [
      { __typename: 'Resident', id: spouse.id, jurisdiction: INSIDE },
      { __typename: 'Resident', id: head.id, jurisdiction: OUTSIDE },
    ];
    const answer = await running.query(NAME, { representations }, { caller: CALLERS['grid-worker'] });
    expect(answer.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['_entities', 0, 'name'], 'OUT_OF_JURISDICTION']]);
    expect((answer.data?._entities as unknown[])[1]).toEqual({ id: head.id, name: head.name });
  });
});
