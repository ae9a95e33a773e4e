import { composeServices } from '@apollo/composition';
import { ApolloGateway, LocalGraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import { buildPublicSecuritySchema } from '../src';
import { departmentStubs, type StubDepartment, type StubIssue } from './fixtures/departmentStubs';
import { householdPopulation } from './fixtures/population';
import { startRunningSubgraph, type RunningSubgraph } from './fixtures/runningSubgraph';

const population = householdPopulation();
const head = population.residents.find((r) => r.imperfections.some((i) => i.kind === 'ID_15_DIGIT'))!;
const headStoredId = head.imperfections.flatMap((i) => (i.kind === 'ID_15_DIGIT' ? [i.storedId] : []))[0];
const daughter = population.residents.find((r) => r.publicSecurity.relationToHead === 'DAUGHTER')!;
const issue = (department: string, storedId: string): StubIssue => ({ department, kind: 'INVALID_CITIZEN_ID', storedId, recordReference: `${department}-REF`, nameOnRecord: null });
const sectionIssues = new Map<string, StubIssue[]>([
  [head.id, [issue('CIVIL_AFFAIRS', `${head.id.slice(0, 17)}0`), issue('LABOUR', `${head.id.slice(0, 16)}99`)]],
  [daughter.id, [issue('FAMILY_PLANNING', `${daughter.id.slice(0, 17)}1`)]],
]);
const failing = new Set<StubDepartment>();

let running: RunningSubgraph;
let server: ApolloServer;

beforeAll(async () => {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  running = await startRunningSubgraph(population);
  const stubs = departmentStubs(sectionIssues, failing);
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
      return stub ? new LocalGraphQLDataSource(stub.schema) : new RemoteGraphQLDataSource({ url });
    },
  });
  server = new ApolloServer({ gateway });
  await server.start();
});
afterEach(() => failing.clear());
afterAll(async () => {
  await server.stop();
  await running.close();
});

async function execute(query: string, variables: Record<string, unknown>) {
  const response = await server.executeOperation({ query, variables });
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
const ownIssues = [{ department: 'PUBLIC_SECURITY', kind: 'LEGACY_15_DIGIT_ID', storedId: headStoredId }];
const asked = (issues: StubIssue[]) => issues.map(({ department, kind, storedId }) => ({ department, kind, storedId }));

describe('Resident.dataQualityIssues through a gateway', () => {
  it("lists public security's issues, then each section's, for the resident and for the household members", async () => {
    const result = await execute(ISSUES, { id: head.id });
    expect(result.errors).toBeUndefined();
    const resident = result.data?.resident as { name: string; dataQualityIssues: unknown[]; household: { members: { resident: { id: string; dataQualityIssues: unknown[] } }[] } };
    expect(resident.name).toBe(head.name);
    expect(resident.dataQualityIssues).toEqual([...ownIssues, ...asked(sectionIssues.get(head.id)!)]);
    const daughterIssues = resident.household.members.find((member) => member.resident.id === daughter.id)?.resident.dataQualityIssues;
    expect(daughterIssues).toEqual([{ department: 'FAMILY_PLANNING', storedId: sectionIssues.get(daughter.id)![0]!.storedId }]);
  });

  it('leaves out the issues of a section whose department failed, and still answers the rest', async () => {
    failing.add('labour');
    const result = await execute(`query ($id: CitizenId!) { resident(id: $id) { name labour { laidOff } dataQualityIssues { department kind storedId } } }`, { id: head.id });
    expect(result.data?.resident).toEqual({
      name: head.name,
      labour: null,
      dataQualityIssues: [...ownIssues, ...asked(sectionIssues.get(head.id)!.filter((i) => i.department !== 'LABOUR'))],
    });
    expect(result.errors?.map((error) => error.extensions?.code)).toContain('DEPARTMENT_UNAVAILABLE');
  });
});
