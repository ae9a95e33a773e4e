import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { buildPublicSecuritySchema } from '../src';
import { departmentStubs } from './fixtures/departmentStubs';
import { gridStub } from './fixtures/gridStub';

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

  it.each(['name', 'birthDate', 'registeredAddress', 'household', 'dataQualityIssues'])(
    'serves Resident.%s by key, requiring nothing of another subgraph',
    (field) => {
      expect(supergraphSdl).toMatch(new RegExp(`\\n  ${field}: [^\\n]*@join__field\\(graph: PUBLIC_SECURITY\\)\\n`));
    },
  );
});
