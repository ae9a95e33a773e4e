import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { buildPublicSecuritySchema } from '../src';
import { departmentStubs } from './fixtures/departmentStubs';
import { gridStub } from './fixtures/gridStub';

const REQUIRES_JURISDICTION = 'requires: "jurisdiction { gridId communityId }"';

describe('composition with the department and grid subgraphs', () => {
  let supergraphSdl: string;

  beforeAll(async () => {
    const { sdl } = await buildPublicSecuritySchema();
    const result = composeServices([
      { name: 'public-security', url: 'http://127.0.0.1:4101/graphql', typeDefs: parse(sdl) },
      ...[...departmentStubs(new Map(), new Set()), gridStub(new Map(), new Map())].map((stub) => ({
        name: stub.name,
        url: `http://${stub.name}.test/graphql`,
        typeDefs: parse(stub.typeDefs),
      })),
    ]);
    expect(result.errors?.map((error) => error.message)).toBeUndefined();
    supergraphSdl = result.supergraphSdl!;
  });

  it("composes, with dataQualityIssues requiring the jurisdiction and each section's issues", () => {
    expect(supergraphSdl).toMatch(
      /dataQualityIssues: \[DataQualityIssue!\]! @join__field\(graph: PUBLIC_SECURITY, requires: "jurisdiction \{ gridId communityId \} civilAffairs \{ dataQualityIssues \{ [^"]* \} \} familyPlanning \{ [^"]* \} labour \{ [^"]* \}"\)/,
    );
  });

  it.each(['name', 'birthDate', 'registeredAddress', 'household'])('has Resident.%s require the jurisdiction the grid subgraph resolves', (field) => {
    expect(supergraphSdl).toMatch(new RegExp(`\\n  ${field}: [^\\n]*@join__field\\(graph: PUBLIC_SECURITY, ${REQUIRES_JURISDICTION}\\)`));
  });

  it("takes the resident's and the household's jurisdiction from the grid subgraph, hidden from clients", () => {
    const jurisdictions = supergraphSdl.match(/\n {2}jurisdiction: Jurisdiction @inaccessible @join__field\(graph: GRID\) @join__field\(graph: PUBLIC_SECURITY, external: true\)\n/g);
    expect(jurisdictions).toHaveLength(2);
  });
});
