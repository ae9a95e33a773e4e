import { composeServices } from '@apollo/composition';
import { Kind, parse, print, type ObjectTypeDefinitionNode } from 'graphql';
import { buildGridSchema } from '../src';

// The grid subgraph beside a minimal owner of the resident's identity and household that
// requires the grid's (inaccessible) placement through federation.
const REQUIRES_JURISDICTION = '@requires(fields: "jurisdiction { gridId communityId }")';
const identityStub = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])
  scalar CitizenId
  type Jurisdiction @shareable @inaccessible { gridId: String  communityId: String }
  type Resident @key(fields: "id") {
    id: CitizenId!
    jurisdiction: Jurisdiction @external
    name: String! ${REQUIRES_JURISDICTION}
    household: Household ${REQUIRES_JURISDICTION}
  }
  type Household @key(fields: "id") {
    id: ID!
    jurisdiction: Jurisdiction @external
    registeredAddress: String! ${REQUIRES_JURISDICTION}
  }
  type Query { resident(id: CitizenId!): Resident }
`;

async function compose() {
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
  const directivesOf = (type: string, name: string) => field(type, name)?.directives?.map((d) => print(d));
  return { field, directivesOf };
}

test('composes into a supergraph where the grid resolves where residents live', async () => {
  const { field, directivesOf } = await compose();
  expect(directivesOf('Resident', 'grid')).toEqual(['@join__field(graph: GRID)']);
  // The contract's roster arguments: `residents(first: Int = 50, after: String): ResidentConnection!`.
  const residents = field('Grid', 'residents')!;
  expect(residents.arguments?.map((a) => `${a.name.value}: ${print(a.type)}${a.defaultValue ? ` = ${print(a.defaultValue)}` : ''}`)).toEqual([
    'first: Int = 50',
    'after: String',
  ]);
  expect(print(residents.type)).toBe('ResidentConnection!');
});

test('the grid alone resolves the jurisdiction of residents and households, hidden from clients, for others to require', async () => {
  const { directivesOf } = await compose();
  for (const type of ['Resident', 'Household']) {
    expect(directivesOf(type, 'jurisdiction')?.sort()).toEqual(['@inaccessible', '@join__field(graph: GRID)', '@join__field(graph: IDENTITY, external: true)']);
  }
  expect(directivesOf('Resident', 'name')).toEqual(['@join__field(graph: IDENTITY, requires: "jurisdiction { gridId communityId }")']);
  expect(directivesOf('Household', 'registeredAddress')).toEqual(['@join__field(graph: IDENTITY, requires: "jurisdiction { gridId communityId }")']);
});
