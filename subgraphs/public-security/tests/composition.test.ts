import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { buildPublicSecuritySchema } from '../src';
import { departmentStubs } from './fixtures/departmentStubs';

describe('composition with the department subgraphs', () => {
  it("composes, with dataQualityIssues requiring each section's issues", async () => {
    const { sdl } = await buildPublicSecuritySchema();
    const result = composeServices([
      { name: 'public-security', url: 'http://127.0.0.1:4101/graphql', typeDefs: parse(sdl) },
      ...departmentStubs(new Map(), new Set()).map((stub) => ({ name: stub.name, url: `http://${stub.name}.test/graphql`, typeDefs: parse(stub.typeDefs) })),
    ]);
    expect(result.errors?.map((error) => error.message)).toBeUndefined();
    expect(result.supergraphSdl).toMatch(
      /dataQualityIssues: \[DataQualityIssue!\]! @join__field\(graph: PUBLIC_SECURITY, requires: "civilAffairs \{ dataQualityIssues \{ [^"]* \} \} familyPlanning \{ [^"]* \} labour \{ [^"]* \}"\)/,
    );
  });
});
