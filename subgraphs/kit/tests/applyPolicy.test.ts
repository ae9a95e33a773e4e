import { ApolloServer } from '@apollo/server';
import { GraphQLError, GraphQLID, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, graphql, type ExecutionResult } from 'graphql';
import { createLogger } from '@resident-graph/service-kit';
import type { Caller, Purpose } from '@resident-graph/trust';
import {
  access,
  applyPolicy,
  createPlacements,
  ServedRecord,
  useAuditTrail,
  type Audience,
  type Jurisdiction,
  type PolicedContext,
  type SubgraphPolicy,
} from '../src';
import { fixedJurisdiction, recordingAuditWriter } from '../src/testing';

// A department's subgraph in miniature: one resident type whose fields carry every kind of
// access, a field with no row, and a resident whose jurisdiction lookup fails.
const STORED_ID = '110101199003074514';
const MASKED = '110101********4514';
const RESIDENTS: Record<string, { place?: Jurisdiction }> = {
  R1: { place: { gridId: 'G01', communityId: 'C01' } },
  R2: { place: { gridId: 'G02', communityId: 'C02' } },
  BROKEN: {},
};

const Resident = new GraphQLObjectType({
  name: 'Resident',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    name: { type: GraphQLString, resolve: (r: { id: string }) => `name of ${r.id}` },
    storedId: { type: GraphQLString, resolve: () => STORED_ID },
    storedIds: { type: new GraphQLList(GraphQLString), resolve: () => [STORED_ID, STORED_ID] },
    caseNote: { type: GraphQLString, resolve: () => 'case note' },
    note: { type: GraphQLString, resolve: () => 'a field the table forgot' },
  },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      resident: {
        type: Resident,
        args: { id: { type: new GraphQLNonNull(GraphQLID) } },
        resolve: (_root, { id }: { id: string }) => (id in RESIDENTS ? { id } : null),
      },
      notInTable: { type: GraphQLString, resolve: () => 'a root field the table forgot' },
    },
  }),
});

const policy: SubgraphPolicy<PolicedContext> = {
  department: 'civil-affairs',
  table: {
    Query: { resident: access('allow', { auditor: 'deny' }) },
    Resident: {
      id: access('allow'),
      name: access('jurisdiction', { analyst: 'deny', auditor: 'deny' }),
      storedId: access('mask', { 'own-officer': 'allow', analyst: 'deny', auditor: 'deny' }),
      storedIds: access('mask', { 'own-officer': 'allow', analyst: 'deny', auditor: 'deny' }),
      caseNote: access('deny', { 'own-officer': 'allow' }),
    },
  },
  jurisdictionOf: {
    Resident: (parent) => {
      const place = RESIDENTS[parent.id as string]?.place;
      if (!place) throw new Error('grid database unreachable');
      return place;
    },
  },
  personalTypes: ['Resident'],
};
const policed = applyPolicy(schema, policy);

const CALLERS: Record<Audience, Caller> = {
  'grid-worker': { subject: 'gw', role: 'grid-worker', department: null, grids: ['G01'], community: null },
  'window-clerk': { subject: 'clerk', role: 'window-clerk', department: null, grids: [], community: 'C01' },
  'own-officer': { subject: 'ca', role: 'department-officer', department: 'civil-affairs', grids: [], community: null },
  'other-officer': { subject: 'lb', role: 'department-officer', department: 'labour', grids: ['G01'], community: null },
  analyst: { subject: 'an', role: 'analyst', department: null, grids: ['G01'], community: 'C01' },
  auditor: { subject: 'au', role: 'auditor', department: null, grids: ['G01'], community: 'C01' },
};
const CASE_REVIEW: Purpose = { code: 'CASE_REVIEW', reference: 'CR-1' };

const contextOf = (audience: Audience, purpose: Purpose | null = CASE_REVIEW): PolicedContext => ({
  trust: { caller: CALLERS[audience], purpose, requestId: 'req-1', operationId: 'op-1', clientRequestId: null, bodyHash: null, contextId: null },
  served: new ServedRecord(),
  placements: createPlacements(fixedJurisdiction(new Map())),
});

async function ask(audience: Audience, source: string, purpose: Purpose | null = CASE_REVIEW) {
  const contextValue = contextOf(audience, purpose);
  const result = (await graphql({ schema: policed, source, contextValue })) as ExecutionResult<Record<string, Record<string, unknown> | null>>;
  return { result, served: contextValue.served, codes: result.errors?.map((error) => error.extensions.code) ?? [] };
}

/** What reading `resident(id: R1 | R2) { name }` must give each audience, written from the rules: served, or the refusal's code. */
const NAME_OF: Record<Audience, { R1: string; R2: string }> = {
  'grid-worker': { R1: 'served', R2: 'OUT_OF_JURISDICTION' },
  'window-clerk': { R1: 'served', R2: 'OUT_OF_JURISDICTION' },
  'own-officer': { R1: 'served', R2: 'served' },
  'other-officer': { R1: 'served', R2: 'OUT_OF_JURISDICTION' },
  analyst: { R1: 'FORBIDDEN', R2: 'FORBIDDEN' },
  auditor: { R1: 'FORBIDDEN', R2: 'FORBIDDEN' },
};

describe('applyPolicy', () => {
  describe.each(Object.entries(NAME_OF))('%s reading a name', (audience, expected) => {
    it.each(['R1', 'R2'] as const)('of %s', async (id) => {
      const { result, codes, served } = await ask(audience as Audience, `{ resident(id: "${id}") { id name } }`);
      if (expected[id] === 'served') {
        expect({ data: result.data, codes }).toEqual({ data: { resident: { id, name: `name of ${id}` } }, codes: [] });
        expect({ residents: [...served.served.residentIds], fields: [...served.served.fields] }).toEqual({ residents: [id], fields: ['Resident.name'] });
      } else {
        expect({ name: result.data?.resident?.name ?? null, codes }).toEqual({ name: null, codes: [audience === 'auditor' ? 'FORBIDDEN' : expected[id]] });
        expect(served.served.empty).toBe(true);
      }
    });
  });

  it('refuses a field with no row in the table to every audience, the own officer too (default deny)', async () => {
    for (const audience of ['grid-worker', 'own-officer', 'analyst'] as const) {
      const { result, codes } = await ask(audience, '{ resident(id: "R1") { id note } }');
      expect({ audience, note: result.data?.resident?.note ?? null, codes }).toEqual({ audience, note: null, codes: ['FORBIDDEN'] });
      expect(result.errors?.[0]?.message).toBe('not in the policy table: denied');
      const root = await ask(audience, '{ notInTable }');
      expect({ audience, data: root.result.data?.notInTable ?? null, codes: root.codes }).toEqual({ audience, data: null, codes: ['FORBIDDEN'] });
    }
  });

  it('fails closed when the jurisdiction lookup throws: the field is refused, nothing of it served or recorded', async () => {
    const { result, codes, served } = await ask('grid-worker', '{ resident(id: "BROKEN") { id name } }');
    expect(result.data?.resident?.name ?? null).toBeNull();
    expect(codes).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(served.empty).toBe(true);
  });

  it('asks for a stated purpose before anything else of a jurisdiction field, and not for an allowed one', async () => {
    const { result, codes, served } = await ask('own-officer', '{ resident(id: "R1") { id name } }', null);
    expect({ resident: result.data?.resident ?? null, codes }).toEqual({ resident: { id: 'R1', name: null }, codes: ['PURPOSE_REQUIRED'] });
    expect(result.errors?.[0]?.message).toBe('reading Resident.name needs a stated purpose (X-Purpose)');
    expect(served.served.empty).toBe(true);
    expect((await ask('own-officer', '{ resident(id: "R1") { id } }', null)).result).toEqual({ data: { resident: { id: 'R1' } } });
  });

  it('says who was refused what', async () => {
    expect((await ask('analyst', '{ resident(id: "R1") { name } }')).result.errors?.[0]?.message).toBe('analyst may not read Resident.name');
    expect((await ask('grid-worker', '{ resident(id: "R2") { name } }')).result.errors?.[0]?.message).toBe(
      "this resident is outside the caller's jurisdiction",
    );
  });

  it('masks a stored ID, alone or in a list, for all but the own officer, and records it as served', async () => {
    const query = '{ resident(id: "R1") { storedId storedIds } }';
    const clerk = await ask('window-clerk', query);
    expect(clerk.result).toEqual({ data: { resident: { storedId: MASKED, storedIds: [MASKED, MASKED] } } });
    expect([...clerk.served.served.fields].sort()).toEqual(['Resident.storedId', 'Resident.storedIds']);
    expect((await ask('own-officer', query)).result).toEqual({ data: { resident: { storedId: STORED_ID, storedIds: [STORED_ID, STORED_ID] } } });
  });

  it('serves a detail to the own officer alone', async () => {
    expect((await ask('own-officer', '{ resident(id: "R1") { caseNote } }')).result).toEqual({ data: { resident: { caseNote: 'case note' } } });
    expect((await ask('other-officer', '{ resident(id: "R1") { caseNote } }')).codes).toEqual(['FORBIDDEN']);
  });

  it('notes a refused read of personal data with the resident it was about, whatever the reason', async () => {
    const denied = await ask('analyst', '{ resident(id: "R1") { name } }');
    const outside = await ask('grid-worker', '{ resident(id: "R2") { name } }');
    const noPurpose = await ask('own-officer', '{ resident(id: "R1") { name } }', null);
    for (const { served } of [denied, outside, noPurpose]) expect(served.served.empty).toBe(true);
    expect([denied, outside, noPurpose].map(({ served }) => ({ residents: [...served.refused.residentIds], fields: [...served.refused.fields] }))).toEqual([
      { residents: ['R1'], fields: ['Resident.name'] },
      { residents: ['R2'], fields: ['Resident.name'] },
      { residents: ['R1'], fields: ['Resident.name'] },
    ]);
  });

  it('notes nothing of a refused read of a type that is not personal', async () => {
    const { codes, served } = await ask('auditor', '{ resident(id: "R1") { id } }');
    expect(codes).toEqual(['FORBIDDEN']);
    expect(served.empty).toBe(true);
  });
});

describe('useAuditTrail', () => {
  const writer = recordingAuditWriter();
  const server = new ApolloServer<PolicedContext>({ schema: policed, plugins: [useAuditTrail('civil-affairs', writer, createLogger('test'))] });
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    writer.entries.length = 0;
    writer.refusals.length = 0;
    writer.failing = false;
  });
  const execute = async (audience: Audience, query: string) => {
    const response = await server.executeOperation({ query }, { contextValue: contextOf(audience) });
    return response.body.kind === 'single' ? response.body.singleResult : null;
  };

  it('writes one entry per request that served personal data: who, why, which residents and fields, sorted', async () => {
    await execute('own-officer', '{ b: resident(id: "R2") { name } a: resident(id: "R1") { name } }');
    await execute('window-clerk', '{ resident(id: "R1") { storedId name } }');
    expect(writer.entries).toEqual([
      {
        requestId: 'req-1',
        operationId: 'op-1',
        subgraph: 'civil-affairs',
        subject: 'ca',
        role: 'department-officer',
        department: 'civil-affairs',
        outcome: 'SERVED',
        purposeCode: 'CASE_REVIEW',
        purposeReference: 'CR-1',
        residentIds: ['R1', 'R2'],
        fields: ['Resident.name'],
      },
      expect.objectContaining({
        subject: 'clerk',
        role: 'window-clerk',
        department: null,
        residentIds: ['R1'],
        fields: ['Resident.name', 'Resident.storedId'],
      }),
    ]);
  });

  it('writes nothing when nothing personal was served', async () => {
    await execute('grid-worker', '{ resident(id: "R2") { id name } }');
    expect(writer.entries).toEqual([]);
  });

  it('withholds the data with AUDIT_UNAVAILABLE when the entry cannot be written', async () => {
    writer.failing = true;
    expect(await execute('grid-worker', '{ resident(id: "R1") { id name } }')).toEqual({
      data: null,
      errors: [{ message: 'the access could not be recorded in the audit trail, so the data is withheld', extensions: { code: 'AUDIT_UNAVAILABLE' } }],
    });
  });

  it('writes a REFUSED entry for what the policy refused, next to the SERVED one', async () => {
    await execute('grid-worker', '{ a: resident(id: "R1") { name } b: resident(id: "R2") { name } }');
    expect(writer.entries).toEqual([expect.objectContaining({ outcome: 'SERVED', subject: 'gw', residentIds: ['R1'], fields: ['Resident.name'] })]);
    expect(writer.refusals).toEqual([expect.objectContaining({ outcome: 'REFUSED', subject: 'gw', residentIds: ['R2'], fields: ['Resident.name'] })]);
  });

  it('logs that personal data was withheld, with the request and the cause, when an entry cannot be written', async () => {
    const logged = { error: jest.fn() };
    const logging = new ApolloServer<PolicedContext>({
      schema: policed,
      plugins: [useAuditTrail('civil-affairs', writer, logged as unknown as ReturnType<typeof createLogger>)],
    });
    await logging.start();
    try {
      writer.failing = true;
      await logging.executeOperation({ query: '{ resident(id: "R1") { name } }' }, { contextValue: contextOf('grid-worker') });
      expect(logged.error).toHaveBeenCalledWith({ err: expect.any(Error), requestId: 'req-1' }, 'audit entry not written: personal data withheld');
    } finally {
      await logging.stop();
    }
  });
});

describe('applyPolicy beyond residents', () => {
  // A personal type that is not a resident, a root field that is not personal, and an
  // allowed field whose department fails.
  const Household = new GraphQLObjectType({
    name: 'Household',
    fields: { id: { type: new GraphQLNonNull(GraphQLID) }, address: { type: GraphQLString, resolve: () => 'Lane 1' } },
  });
  const householdSchema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        household: { type: Household, resolve: () => ({ id: 'H1' }) },
        notice: { type: GraphQLString, resolve: () => 'office hours' },
        register: {
          type: GraphQLString,
          resolve: () => {
            throw new GraphQLError('the register is down', { extensions: { code: 'DEPARTMENT_UNAVAILABLE' } });
          },
        },
      },
    }),
  });
  const householdPolicy: SubgraphPolicy<PolicedContext> = {
    department: 'civil-affairs',
    table: {
      Query: { household: access('allow'), notice: access('jurisdiction'), register: access('allow') },
      Household: { id: access('allow'), address: access('jurisdiction') },
    },
    jurisdictionOf: {},
    personalTypes: ['Household'],
  };
  const policedHouseholds = applyPolicy(householdSchema, householdPolicy);
  const askHouseholds = async (source: string) => {
    const contextValue = contextOf('own-officer');
    const result = await graphql({ schema: policedHouseholds, source, contextValue });
    return { result, served: contextValue.served };
  };

  it('records a personal type other than Resident as a field served, naming no resident unless the policy says how', async () => {
    const { result, served } = await askHouseholds('{ household { address } }');
    expect(result).toEqual({ data: { household: { address: 'Lane 1' } } });
    expect({ residents: [...served.served.residentIds], fields: [...served.served.fields] }).toEqual({ residents: [], fields: ['Household.address'] });
  });

  it('records nothing of a field served that is not personal, even one that needs a purpose', async () => {
    const { result, served } = await askHouseholds('{ notice }');
    expect(result).toEqual({ data: { notice: 'office hours' } });
    expect(served.empty).toBe(true);
  });

  it('lets a department’s own error through, code and all, rather than a bare refusal', async () => {
    const { result } = await askHouseholds('{ register }');
    expect(result.errors?.map((error) => [error.message, error.extensions.code])).toEqual([['the register is down', 'DEPARTMENT_UNAVAILABLE']]);
  });
});

describe('ServedRecord', () => {
  it('takes a resident served through another type’s field without a field of its own', () => {
    const record = new ServedRecord();
    record.recordResident('R3');
    expect([...record.served.residentIds]).toEqual(['R3']);
    expect([...record.refused.residentIds]).toEqual([]);
  });
});
