import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { labourSubgraph } from '@resident-graph/subgraph-labour';

// The labour subgraph beside a minimal grid subgraph, the owner of where residents live.
const gridStub = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@inaccessible"])
  scalar CitizenId
  type Jurisdiction @inaccessible @shareable { gridId: String  communityId: String }
  type Resident @key(fields: "id") { id: CitizenId!  jurisdiction: Jurisdiction @inaccessible }
  type Query { resident(id: CitizenId!): Resident }
`;

test('composes, the section asked for by key alone: no jurisdiction fetched from the grid first', async () => {
  const { sdl } = await labourSubgraph.buildSchema();
  const result = composeServices([
    { name: 'labour', url: 'http://127.0.0.1:4104/graphql', typeDefs: parse(sdl) },
    { name: 'grid', url: 'http://grid.test/graphql', typeDefs: parse(gridStub) },
  ]);
  expect(result.errors?.map((error) => error.message)).toBeUndefined();
  expect(result.supergraphSdl).toMatch(/labour: LabourSection @join__field\(graph: LABOUR\)\n/);
  expect(result.supergraphSdl).toMatch(/jurisdiction: Jurisdiction @inaccessible @join__field\(graph: GRID\)\n/);
});
