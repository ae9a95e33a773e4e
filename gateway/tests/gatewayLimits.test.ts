import { ApolloServer } from '@apollo/server';
import { gatewayLimits, loadGatewaySettings } from '../src';
import { keepLimitCodes } from '../src/limits/keepLimitCodes';
import { pagedCost } from '../src/limits/useCostLimit';
import { runOperation } from './fixtures/runOperation';

// The shape that fans out in the real graph: resident → household → members → resident …
const typeDefs = `
  type Query { resident(id: ID!): Resident  grid(id: ID!): Grid }
  type Resident { id: ID! name: String household: Household }
  type Household { id: ID! members: [Resident!]! }
  type Grid { residents(first: Int = 50): [Resident!]! neighbours(first: Int): [Grid!]! }
`;
const resident = { id: '1', name: 'x', household: { id: 'h', members: [] } };
const resolvers = { Query: { resident: () => resident, grid: () => ({ residents: [resident], neighbours: [] }) } };

const settings = loadGatewaySettings({ MAX_QUERY_DEPTH: '4', MAX_ALIASES: '3', MAX_DIRECTIVES: '3', MAX_QUERY_COST: '1000', MAX_TOKENS: '200' });

function serverWith(limits: ReturnType<typeof gatewayLimits>) {
  return new ApolloServer({ typeDefs, resolvers, ...limits });
}

describe('gatewayLimits', () => {
  const server = serverWith(gatewayLimits(settings));
  const run = (query: string, variables?: Record<string, unknown>) => runOperation(server, query, variables);
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('lets an operation at every limit through', async () => {
    const atLimits = `query ($n: Int) {
      a: resident(id: "1") { household { members { name @include(if: true) } } }
      b: resident(id: "2") { name @skip(if: false) }
      c: grid(id: "G") { residents(first: $n) { id name @include(if: true) } }
    }`;
    const result = await run(atLimits, { n: 300 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.a).toEqual({ household: { members: [] } });
  });

  it.each([
    ['five levels deep', '{ resident(id: "1") { household { members { household { id } } } } }', undefined, 'MAX_QUERY_DEPTH'],
    [
      'five levels deep through fragments',
      'query { resident(id: "1") { ...R } } fragment R on Resident { household { ... on Household { members { household { id } } } } }',
      undefined,
      'MAX_QUERY_DEPTH',
    ],
    [
      'four aliases',
      '{ a: resident(id: "1") { id } b: resident(id: "2") { id } c: resident(id: "3") { id } d: resident(id: "4") { id } }',
      undefined,
      'MAX_ALIASES',
    ],
    [
      'aliases hidden in a fragment spread twice',
      'query { ...F ...F } fragment F on Query { a: resident(id: "1") { id } b: resident(id: "2") { id } }',
      undefined,
      'MAX_ALIASES',
    ],
    [
      'four directives',
      '{ resident(id: "1") { id @include(if: true) name @include(if: true) household @skip(if: false) { id @skip(if: false) } } }',
      undefined,
      'MAX_DIRECTIVES',
    ],
    ['a page size written in the query over the cost', '{ grid(id: "G") { residents(first: 600) { id name } } }', undefined, 'MAX_QUERY_COST'],
    ['a page size passed as a variable over the cost', 'query ($n: Int) { grid(id: "G") { residents(first: $n) { id name } } }', { n: 600 }, 'MAX_QUERY_COST'],
    ['pages nested in one another', '{ grid(id: "G") { neighbours(first: 20) { residents(first: 40) { id } } } }', undefined, 'MAX_QUERY_COST'],
    ['a document of too many tokens', `{ resident(id: "1") { ${'id '.repeat(250)} } }`, undefined, 'MAX_TOKENS'],
  ])('refuses %s with QUERY_TOO_COMPLEX, HTTP 400, before resolving', async (_what, query, variables, setting) => {
    const result = await run(query, variables);
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: setting });
    expect(result.errors?.[0]?.message).toContain(setting);
  });

  it('refuses variables of the wrong type with BAD_USER_INPUT', async () => {
    const result = await run('query ($n: Int) { grid(id: "G") { residents(first: $n) { id } } }', { n: 'many' });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers no introspection and suggests no field names unless INTROSPECTION is on', async () => {
    const schemaAsked = await run('{ __schema { types { name } } }');
    expect(schemaAsked.data).toBeUndefined();
    expect(schemaAsked.errors?.[0]?.message).toMatch(/introspection/i);
    const misspelt = await run('{ resident(id: "1") { nam } }');
    expect(misspelt.errors?.[0]?.message).not.toMatch(/did you mean/i);

    const development = serverWith(gatewayLimits({ ...settings, INTROSPECTION: true }));
    await development.start();
    try {
      expect((await runOperation(development, '{ resident(id: "1") { nam } }')).errors?.[0]?.message).toMatch(/did you mean "name"/i);
      expect((await runOperation(development, '{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await development.stop();
    }
  });

  it('takes an operation whose cost is exactly the maximum, and names the cost of one over it', async () => {
    // grid 1 + residents (1 + id 1 + name 1) × first: 1 + 3 × 333 = 1000.
    const at = await run('{ grid(id: "G") { residents(first: 333) { id name } } }');
    expect(at.errors).toBeUndefined();
    const over = await run('{ grid(id: "G") { residents(first: 334) { id name } } }');
    expect(over.errors?.[0]?.message).toBe("the operation's estimated cost is 1003 (the gateway's MAX_QUERY_COST is 1000)");
  });

  it('counts no level of depth for fragments: an operation at the depth limit through fragments passes', async () => {
    const result = await run('query { resident(id: "1") { ...R } } fragment R on Resident { household { ... on Household { members { name } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ resident: { household: { members: [] } } });
  });

  it('words a depth refusal as graphql-armor does, without its "Syntax Error" prefix', async () => {
    const result = await run('{ resident(id: "1") { household { members { household { id } } } } }');
    expect(result.errors?.[0]?.message).toMatch(/^Query depth limit of 4 exceeded, found 5\. \(the gateway's MAX_QUERY_DEPTH is 4\)$/);
  });
});

describe('pagedCost', () => {
  const cost = (args: Record<string, unknown>, childComplexity = 2) => pagedCost({ args, childComplexity } as Parameters<typeof pagedCost>[0]);

  it('is 1 plus what a field selects, for a field with no page size', () => {
    expect(cost({})).toBe(3);
  });

  it('multiplies by the page size, whether asked with first or last', () => {
    expect(cost({ first: 10 })).toBe(30);
    expect(cost({ last: 10 })).toBe(30);
  });

  it('counts a page size under one as one', () => {
    expect(cost({ first: 0 })).toBe(3);
    expect(cost({ last: -5 })).toBe(3);
  });
});

describe('keepLimitCodes', () => {
  it('re-codes only a parse failure that stopped at the token limit', () => {
    const tooMany = { message: 'Syntax Error: Document contains more than 3 tokens. Parsing aborted.', extensions: { code: 'BAD_USER_INPUT' } };
    expect(keepLimitCodes(tooMany, undefined)).toBe(tooMany);
  });
});
