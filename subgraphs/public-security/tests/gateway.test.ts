import { composeServices } from '@apollo/composition';
import { ApolloGateway, LocalGraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import { maskCitizenId, type DataQualityIssue, type DataQualityIssueKind, type Department } from '@resident-graph/schemas';
import { memoryDataQuality } from '@resident-graph/subgraph-kit/testing';
import type { Caller } from '@resident-graph/trust';
import { buildPublicSecuritySchema } from '../src';
import { departmentStubs, type StubDepartment, type StubIssue } from './fixtures/departmentStubs';
import { expectedResident, jurisdictionOf } from './fixtures/expectedResident';
import { gridStub } from './fixtures/gridStub';
import { householdPopulation } from './fixtures/population';
import { startRunningSubgraph, streetOfficer, type RunningSubgraph } from './fixtures/runningSubgraph';

const population = householdPopulation();
const head = population.residents.find((r) => r.imperfections.some((i) => i.kind === 'ID_15_DIGIT'))!;
const headStoredId = head.imperfections.flatMap((i) => (i.kind === 'ID_15_DIGIT' ? [i.storedId] : []))[0];
const daughter = population.residents.find((r) => r.publicSecurity.relationToHead === 'DAUGHTER')!;
const issue = (department: string, storedId: string): StubIssue => ({
  department,
  kind: 'INVALID_CITIZEN_ID',
  storedId,
  recordReference: `${department}-REF`,
  nameOnRecord: null,
});
const sectionIssues = new Map<string, StubIssue[]>([
  [head.id, [issue('CIVIL_AFFAIRS', `${head.id.slice(0, 17)}0`), issue('LABOUR', `${head.id.slice(0, 16)}99`)]],
  [daughter.id, [issue('FAMILY_PLANNING', `${daughter.id.slice(0, 17)}1`)]],
]);
const failing = new Set<StubDepartment>();
// What the three departments published: every front-line audience sees their issues whole.
const dataQuality = memoryDataQuality();
const whole = { storedId: 'allow', recordReference: 'allow', nameOnRecord: 'allow', grade: 'allow', reason: 'allow' } as const;
const publishSectionIssues = async () => {
  for (const department of ['civil-affairs', 'family-planning', 'labour'] as const) {
    const issues = new Map(
      [...sectionIssues].map(([id, list]) => [
        id,
        list
          .filter((one) => one.department === department.toUpperCase().replace('-', '_'))
          .map((one): DataQualityIssue => ({ ...one, department: department as Department, kind: one.kind as DataQualityIssueKind })),
      ]),
    );
    await dataQuality.publish({ department, views: { 'grid-worker': whole, 'own-officer': whole, 'other-officer': whole }, issues });
  }
};
const households = new Map(
  population.residents.flatMap((r) => (r.publicSecurity.householdId ? [[r.publicSecurity.householdId, jurisdictionOf(r)] as const] : [])),
);
const gridWorker = (grids: string[]): Caller => ({ subject: 'grid-worker', role: 'grid-worker', department: null, grids, community: null });

interface GatewayContext {
  caller: Caller;
}

let running: RunningSubgraph;
let server: ApolloServer<GatewayContext>;

beforeAll(async () => {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  await publishSectionIssues();
  running = await startRunningSubgraph(population, { dataQuality });
  const stubs = [...departmentStubs(sectionIssues, failing), gridStub(new Map(population.residents.map((r) => [r.id, jurisdictionOf(r)])), households)];
  const { sdl } = await buildPublicSecuritySchema();
  const { supergraphSdl, errors } = composeServices([
    { name: 'public-security', url: running.subgraph.url, typeDefs: parse(sdl) },
    ...stubs.map((stub) => ({ name: stub.name, url: `http://${stub.name}.test/graphql`, typeDefs: parse(stub.typeDefs) })),
  ]);
  if (errors) throw new Error(errors.map((error) => error.message).join('\n'));
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const stub = stubs.find((s) => s.name === name);
      if (stub) return new LocalGraphQLDataSource(stub.schema);
      // Forwards the caller as the real gateway does: in a context signed with the gateway's key.
      return new RemoteGraphQLDataSource<GatewayContext>({
        url,
        async willSendRequest({ request, context }) {
          for (const [name, value] of Object.entries(await running.trust.gatewayHeaders(context.caller))) request.http?.headers.set(name, value);
        },
      });
    },
  });
  server = new ApolloServer<GatewayContext>({ gateway });
  await server.start();
});
afterEach(() => failing.clear());
afterAll(async () => {
  await server.stop();
  await running.close();
});

async function execute(query: string, variables: Record<string, unknown>, caller: Caller = streetOfficer) {
  const response = await server.executeOperation({ query, variables }, { contextValue: { caller } });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

const ISSUES = `query ($id: CitizenId!) {
  resident(id: $id) {
    name
    dataQualityIssues { department kind storedId }
    household { members { resident { id dataQualityIssues { department storedId } } } }
  }
}`;
const unmasked = (id: string) => id;
const ownIssues = (shown = unmasked) => [{ department: 'PUBLIC_SECURITY', kind: 'LEGACY_15_DIGIT_ID', storedId: shown(headStoredId!) }];
const asked = (issues: StubIssue[], shown = unmasked) => issues.map(({ department, kind, storedId }) => ({ department, kind, storedId: shown(storedId) }));

describe('Resident.dataQualityIssues through a gateway', () => {
  it.each([
    ['a public-security officer, whole', streetOfficer, unmasked],
    ["the household's grid worker, stored IDs masked", gridWorker([head.grid.gridId]), maskCitizenId],
  ])("lists public security's issues, then each department's, for the resident and for the household members, as %s", async (_who, caller, shown) => {
    const result = await execute(ISSUES, { id: head.id }, caller);
    expect(result.errors).toBeUndefined();
    const resident = result.data?.resident as {
      name: string;
      dataQualityIssues: unknown[];
      household: { members: { resident: { id: string; dataQualityIssues: unknown[] } }[] };
    };
    expect(resident.name).toBe(head.name);
    expect(resident.dataQualityIssues).toEqual([...ownIssues(shown), ...asked(sectionIssues.get(head.id)!, shown)]);
    const daughterIssues = resident.household.members.find((member) => member.resident.id === daughter.id)?.resident.dataQualityIssues;
    expect(daughterIssues).toEqual([{ department: 'FAMILY_PLANNING', storedId: shown(sectionIssues.get(daughter.id)![0]!.storedId) }]);
  });

  it("lists a department's published issues while its subgraph fails", async () => {
    failing.add('labour');
    const result = await execute(`query ($id: CitizenId!) { resident(id: $id) { name labour { laidOff } dataQualityIssues { department kind storedId } } }`, {
      id: head.id,
    });
    expect(result.data?.resident).toEqual({
      name: head.name,
      labour: null,
      dataQualityIssues: [...ownIssues(), ...asked(sectionIssues.get(head.id)!)],
    });
    expect(result.errors?.map((error) => error.extensions?.code)).toContain('DEPARTMENT_UNAVAILABLE');
  });
});

describe('jurisdiction through a gateway', () => {
  it('serves a grid worker the residents of their grid, with the jurisdiction the grid subgraph reports', async () => {
    const result = await execute(
      `query ($id: CitizenId!) { resident(id: $id) { name household { registeredAddress members { resident { name } } } } }`,
      { id: daughter.id },
      gridWorker([daughter.grid.gridId]),
    );
    expect(result.errors).toBeUndefined();
    const household = expectedResident(population, daughter).household!;
    expect(result.data?.resident).toEqual({
      name: daughter.name,
      household: { registeredAddress: household.registeredAddress, members: household.members.map((member) => ({ resident: { name: member.resident.name } })) },
    });
  });

  it('refuses a grid worker a resident of another grid with OUT_OF_JURISDICTION, no data, and just as for an ID nobody holds', async () => {
    const result = await execute(`query ($id: CitizenId!) { resident(id: $id) { name birthDate } }`, { id: daughter.id }, gridWorker(['G99']));
    expect(result.data?.resident ?? null).toBeNull();
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['OUT_OF_JURISDICTION']);
    const nobody = await execute(`query ($id: CitizenId!) { resident(id: $id) { name birthDate } }`, { id: '11010519491231002X' }, gridWorker(['G99']));
    expect(nobody).toEqual(result);
  });

  it('does not let a client ask for the jurisdiction', async () => {
    const result = await execute(`query ($id: CitizenId!) { resident(id: $id) { jurisdiction { gridId } } }`, { id: daughter.id });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
