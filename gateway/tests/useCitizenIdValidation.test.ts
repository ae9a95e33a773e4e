import { ApolloServer } from '@apollo/server';
import { useCitizenIdValidation } from '../src';

// As in the supergraph: the gateway knows CitizenId only by name, not its rules.
const typeDefs = `
  scalar CitizenId
  type Query { resident(id: CitizenId!): String  residents(ids: [CitizenId!]!): [String!]! }
`;
const resolvers = { Query: { resident: (_: unknown, args: { id: string }) => `asked ${args.id}`, residents: () => ['asked'] } };

describe('useCitizenIdValidation', () => {
  const server = new ApolloServer({ typeDefs, resolvers, plugins: [useCitizenIdValidation()] });
  const run = async (query: string, variables?: Record<string, unknown>) => {
    const response = await server.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return { status: response.http.status, ...response.body.singleResult };
  };
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('lets a valid ID through, 15- or 18-digit', async () => {
    expect((await run('query($id: CitizenId!) { resident(id: $id) }', { id: '11010519491231002X' })).data).toEqual({ resident: 'asked 11010519491231002X' });
    expect((await run('{ resident(id: "110105491231002") }')).errors).toBeUndefined();
  });

  it.each([
    ['a variable with a wrong check digit', 'query($id: CitizenId!) { resident(id: $id) }', { id: '110105194912310021' }],
    ['a literal with a wrong check digit', '{ resident(id: "110105194912310021") }', undefined],
    ['a non-string variable', 'query($id: CitizenId!) { resident(id: $id) }', { id: 12345 }],
    ['one bad ID in a list', 'query($ids: [CitizenId!]!) { residents(ids: $ids) }', { ids: ['11010519491231002X', '1101051949123100'] }],
    ['one bad literal in a list', '{ residents(ids: ["11010519491231002X", "x"]) }', undefined],
    ['a bad ID inside a fragment', 'query { ...F } fragment F on Query { resident(id: "123") }', undefined],
  ])('refuses %s with INVALID_CITIZEN_ID and HTTP 400, before resolving', async (_what, query, variables) => {
    const result = await run(query, variables);
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_CITIZEN_ID');
  });

  it('answers a document it has seen before the same way: refused literals stay refused, variables are checked every time', async () => {
    const badLiteral = '{ resident(id: "110105194912310021") }';
    for (let round = 0; round < 3; round++) expect((await run(badLiteral)).errors?.[0]?.extensions?.code).toBe('INVALID_CITIZEN_ID');
    const byVariable = 'query($id: CitizenId!) { resident(id: $id) }';
    expect((await run(byVariable, { id: '11010519491231002X' })).errors).toBeUndefined();
    expect((await run(byVariable, { id: '110105194912310021' })).errors?.[0]?.extensions?.code).toBe('INVALID_CITIZEN_ID');
    expect((await run(byVariable, { id: '11010519491231002X' })).data).toEqual({ resident: 'asked 11010519491231002X' });
  });
});
