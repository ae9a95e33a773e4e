import { ApolloServer } from '@apollo/server';
import { useCitizenIdValidation } from '../src';
import { runOperation } from './fixtures/runOperation';

// As in the supergraph: the gateway knows CitizenId only by name, not its rules.
const typeDefs = `
  scalar CitizenId
  type Query { resident(id: CitizenId!): String  residents(ids: [CitizenId!]!): [String!]!  maybe(id: CitizenId): String  search(name: String): String }
`;
const resolvers = {
  Query: {
    resident: (_: unknown, args: { id: string }) => `asked ${args.id}`,
    residents: () => ['asked'],
    maybe: () => 'maybe',
    search: (_: unknown, args: { name: string }) => `found ${args.name}`,
  },
};

describe('useCitizenIdValidation', () => {
  const server = new ApolloServer({ typeDefs, resolvers, plugins: [useCitizenIdValidation()] });
  const run = (query: string, variables?: Record<string, unknown>) => runOperation(server, query, variables);
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

  it('lets an absent or null optional ID through', async () => {
    expect(await run('query($id: CitizenId) { maybe(id: $id) }', { id: null })).toMatchObject({ data: { maybe: 'maybe' }, errors: undefined });
    expect(await run('query($id: CitizenId) { maybe(id: $id) }')).toMatchObject({ data: { maybe: 'maybe' }, errors: undefined });
    expect(await run('{ maybe(id: null) }')).toMatchObject({ data: { maybe: 'maybe' }, errors: undefined });
  });

  it('leaves arguments and variables of other types alone', async () => {
    expect(await run('query($name: String) { search(name: $name) }', { name: 'not an ID' })).toMatchObject({
      data: { search: 'found not an ID' },
      errors: undefined,
    });
    expect(await run('{ search(name: "not an ID") }')).toMatchObject({ data: { search: 'found not an ID' }, errors: undefined });
  });

  it.each([
    [
      'query($id: CitizenId!) { resident(id: $id) }',
      { id: '110105194912310021' },
      /^variable \$id: "110105194912310021" is not a valid citizen ID \([A-Z_]+\)$/,
    ],
    ['{ resident(id: "110105194912310021") }', undefined, /^argument id: "110105194912310021" is not a valid citizen ID \([A-Z_]+\)$/],
    ['{ resident(id: 110105) }', undefined, /^argument id: "\(IntValue\)" is not a valid citizen ID \([A-Z_]+\)$/],
  ])('says where the bad ID is and what is wrong with it: %s', async (query, variables, message) => {
    const result = await run(query, variables);
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(message),
      extensions: { code: 'INVALID_CITIZEN_ID', problem: expect.stringMatching(/^[A-Z_]+$/) },
    });
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
