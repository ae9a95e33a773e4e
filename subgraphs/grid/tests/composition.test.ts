import { composeServices } from '@apollo/composition';
import { Kind, parse, print, type ObjectTypeDefinitionNode } from 'graphql';
import { buildGridSchema } from '../src';

// The grid subgraph beside a minimal owner of the resident's identity, as the gateway composes them.
const identityStub = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
  scalar CitizenId
  type Resident @key(fields: "id") { id: CitizenId!  name: String! }
  type Query { resident(id: CitizenId!): Resident }
`;

test('composes into a supergraph where the grid resolves where residents live', async () => {
  const { sdl } = await buildGridSchema();
  const result = composeServices([
    { name: 'grid', url: 'http://127.0.0.1:4105/graphql', typeDefs: parse(sdl) },
    { name: 'identity', url: 'http://identity.test/graphql', typeDefs: parse(identityStub) },
  ]);
  expect(result.errors?.map((error) => error.message)).toBeUndefined();

  const types = new Map(
    parse(result.supergraphSdl!)
      .definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const field = (type: string, name: string) => types.get(type)?.fields?.find((f) => f.name.value === name);
  expect(field('Resident', 'grid')?.directives?.map((d) => print(d))).toEqual(['@join__field(graph: GRID)']);
  expect(field('Resident', 'name')?.directives?.map((d) => print(d))).toEqual(['@join__field(graph: IDENTITY)']);
  // The contract's roster arguments: `residents(first: Int = 50, after: String): ResidentConnection!`.
  const residents = field('Grid', 'residents')!;
  expect(residents.arguments?.map((a) => `${a.name.value}: ${print(a.type)}${a.defaultValue ? ` = ${print(a.defaultValue)}` : ''}`)).toEqual(['first: Int = 50', 'after: String']);
  expect(print(residents.type)).toBe('ResidentConnection!');
});
